using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using Microsoft.EntityFrameworkCore;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>A stored open results package of one version: its exact JSON (it must hash-verify) and the package read from it.</summary>
public sealed record StoredPackage(ResultsContest Contest, string Json, ResultsPackage Package, IReadOnlyList<PublicationInfo> History);

/// <summary>
/// What the results pages, the acta and the downloads read: a published version of a contest's
/// results (from its stored package, so what the public sees is exactly what the hash seals), or
/// the administrator's preview (version 0) computed now. Every published read answers null before
/// the first publication, for an unknown contest or version: the caller answers 404.
/// </summary>
public sealed class ResultsReader(IDbContextFactory<ContestsDbContext> dbFactory, IPublishedPackages packages)
{
    /// <summary>A published version (the latest when <paramref name="version"/> is null), with the jurors' names if asked (the acta).</summary>
    public async Task<ShownResults?> PublishedAsync(string contestCode, int? version, bool withJurors = false, CancellationToken cancellationToken = default)
    {
        var stored = await PublishedPackageAsync(contestCode, version, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var jurors = withJurors ? await JurorsAsync(stored.Contest.Id, stored.Package.Rules, cancellationToken) : null;
        return Show(stored.Contest, stored.Package, stored.History, jurors);
    }

    /// <summary>The stored package of a published version, as published.</summary>
    public async Task<StoredPackage?> PublishedPackageAsync(string contestCode, int? version, CancellationToken cancellationToken = default)
    {
        var contest = await ContestAsync(c => c.Code == contestCode, contestCode, cancellationToken);
        if (contest is null)
        {
            return null;
        }
        var history = await packages.HistoryAsync(contest.Id, cancellationToken);
        var wanted = version ?? (history.Count == 0 ? 0 : history.Max(h => h.Version));
        if (!history.Any(h => h.Version == wanted))
        {
            return null;
        }
        var json = await packages.PackageJsonAsync(contest.Id, wanted, cancellationToken);
        if (json is null)
        {
            return null;
        }
        var read = ResultsPackageJson.Read(json);
        if (!read.Succeeded)
        {
            throw new InvalidOperationException($"The stored package of {contest.Code} version {wanted} does not read back: {string.Join("; ", read.Errors)}");
        }
        return new StoredPackage(contest, json, read.Package!, history.OrderByDescending(h => h.Version).ToList());
    }

    /// <summary>The preview of a contest's results as they stand (version 0, never published), or null for an unknown contest.</summary>
    public async Task<ShownResults?> PreviewAsync(int contestId, bool withJurors = false, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewPackageAsync(contestId, cancellationToken);
        if (preview is null)
        {
            return null;
        }
        var jurors = withJurors ? await JurorsAsync(contestId, preview.Package.Rules, cancellationToken) : null;
        return Show(preview.Contest, preview.Package, [], jurors);
    }

    /// <summary>The preview as an open package (version 0, hashed like a real one), built now from the database.</summary>
    public async Task<StoredPackage?> PreviewPackageAsync(int contestId, CancellationToken cancellationToken = default)
    {
        var contest = await ContestAsync(c => c.Id == contestId, null, cancellationToken);
        if (contest is null)
        {
            return null;
        }
        var package = await packages.PreviewAsync(contestId, cancellationToken);
        if (package is null)
        {
            return null;
        }
        var json = ResultsPackageJson.Write(package);
        return new StoredPackage(contest, json, package, []);
    }

    /// <summary>What the dashboard counts: the latest publication once there is one, the preview before.</summary>
    public async Task<ShownResults?> DashboardSourceAsync(int contestId, CancellationToken cancellationToken = default)
    {
        var history = await packages.HistoryAsync(contestId, cancellationToken);
        if (history.Count > 0)
        {
            var code = await ContestAsync(c => c.Id == contestId, null, cancellationToken);
            return code is null ? null : await PublishedAsync(code.Code, null, cancellationToken: cancellationToken);
        }
        return await PreviewAsync(contestId, cancellationToken: cancellationToken);
    }

    private static ShownResults Show(ResultsContest contest, ResultsPackage package, IReadOnlyList<PublicationInfo> history, IReadOnlyList<StageJurors>? jurors) =>
        new(contest,
            new PublicationInfo(package.Contest.PublicationVersion, package.Contest.PublishedAtUtc, package.Hash, package.Contest.CorrectionReason),
            history, package.Input, package.Results, jurors);

    private async Task<ResultsContest?> ContestAsync(
        System.Linq.Expressions.Expression<Func<Contest, bool>> which, string? code, CancellationToken cancellationToken)
    {
        if (code is not null && (string.IsNullOrWhiteSpace(code) || code.Length > Contest.MaxCodeLength))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contest = await db.Contests.AsNoTracking().Where(which)
            .Select(c => new { c.Id, c.Code, c.Title, c.RegionCode, c.ProvinceCode, c.DistrictCode })
            .SingleOrDefaultAsync(cancellationToken);
        if (contest is null)
        {
            return null;
        }
        var region = await db.Regions.Where(r => r.Code == contest.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        var province = contest.ProvinceCode is null ? null
            : await db.Provinces.Where(p => p.Code == contest.ProvinceCode).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        var district = contest.DistrictCode is null ? null
            : await db.Districts.Where(d => d.Code == contest.DistrictCode).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        return new ResultsContest(contest.Id, contest.Code, contest.Title, region ?? contest.RegionCode, province, district);
    }

    /// <summary>Per stage of the rules, the real names of the jurors with at least one submitted scorecard in it.</summary>
    private async Task<IReadOnlyList<StageJurors>> JurorsAsync(int contestId, ResultsRules rules, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var submitted = await (from s in db.Scorecards
                               join stage in db.Contests.Where(c => c.Id == contestId).SelectMany(c => c.Stages) on s.ContestStageId equals stage.Id
                               join u in db.Users on s.JurorUserId equals u.Id
                               where s.Status == ScorecardStatus.Submitted
                               select new { stage.Code, Name = u.FullName != "" ? u.FullName : u.Email ?? u.Id })
            .Distinct().ToListAsync(cancellationToken);
        return rules.Stages.Select(stage => new StageJurors(stage.Code, stage.Name,
                submitted.Where(s => s.Code == stage.Code).Select(s => s.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}

/// <summary>
/// Where published packages are stored and how the preview's is built: the publication service's
/// side (results-portal). Kept behind this seam so the pages above are written and tested before it.
/// </summary>
public interface IPublishedPackages
{
    /// <summary>Every published version of the contest, any order; empty before the first publication.</summary>
    Task<IReadOnlyList<PublicationInfo>> HistoryAsync(int contestId, CancellationToken cancellationToken);

    /// <summary>The package JSON exactly as stored at publication, or null.</summary>
    Task<string?> PackageJsonAsync(int contestId, int version, CancellationToken cancellationToken);

    /// <summary>The preview (version 0) as a hashed package, or null for an unknown contest.</summary>
    Task<ResultsPackage?> PreviewAsync(int contestId, CancellationToken cancellationToken);
}
