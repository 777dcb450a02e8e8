using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>
/// One version's open results package: its exact JSON (as stored at publication: it must hash-verify;
/// for the preview, written now) and what it holds, read back by the publication's queries.
/// </summary>
public sealed record StoredPackage(
    ResultsContest Contest, PublicationInfo Publication, string Json, ResultsInput Input, RankingResult Results, IReadOnlyList<PublicationInfo> History);

/// <summary>
/// What the results pages, the acta and the downloads read: a published version of a contest's
/// results (from its stored package, so what the public sees is exactly what the hash seals), or
/// the administrator's preview (version 0) computed now. Every published read answers null before
/// the first publication, for an unknown contest or version: the caller answers 404.
/// </summary>
public sealed class ResultsReader(
    IDbContextFactory<ContestsDbContext> dbFactory, PublicationQueries publications, ResultsPreviewService previews, TimeProvider clock)
{
    /// <summary>A published version (the latest when <paramref name="version"/> is null), with the jurors' names if asked (the acta).</summary>
    public async Task<ShownResults?> PublishedAsync(string contestCode, int? version, bool withJurors = false, CancellationToken cancellationToken = default)
    {
        var stored = await PublishedPackageAsync(contestCode, version, cancellationToken);
        return stored is null ? null : await ShowAsync(stored, withJurors, cancellationToken);
    }

    /// <summary>The stored package of a published version, as published.</summary>
    public async Task<StoredPackage?> PublishedPackageAsync(string contestCode, int? version, CancellationToken cancellationToken = default)
    {
        var code = (contestCode ?? "").Trim().ToUpperInvariant();
        var contest = await ContestAsync(c => c.Code == code, code, cancellationToken);
        if (contest is null)
        {
            return null;
        }
        var versions = await publications.VersionsAsync(contest.Id, cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }
        var published = await publications.VersionAsync(contest.Id, version ?? versions.Max(v => v.Version), cancellationToken);
        if (published is null)
        {
            return null;
        }
        var history = versions.OrderByDescending(v => v.Version)
            .Select(v => new PublicationInfo(v.Version, v.PublishedAtUtc, v.Hash, v.CorrectionReason)).ToList();
        return new StoredPackage(contest, new PublicationInfo(published.Version, published.PublishedAtUtc, published.Hash, published.CorrectionReason),
            published.PackageJson, published.Input, published.Results, history);
    }

    /// <summary>The preview of a contest's results as they stand (version 0, never published), or null for an unknown contest or one the rules cannot rank yet.</summary>
    public async Task<ShownResults?> PreviewAsync(int contestId, bool withJurors = false, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewPackageAsync(contestId, cancellationToken);
        return preview is null ? null : await ShowAsync(preview, withJurors, cancellationToken);
    }

    /// <summary>
    /// The preview as an open package, written now in the package format with version 0 (never a
    /// published version's number) and hashed like a real one; null when there is nothing to rank.
    /// </summary>
    public async Task<StoredPackage?> PreviewPackageAsync(int contestId, CancellationToken cancellationToken = default)
    {
        var contest = await ContestAsync(c => c.Id == contestId, null, cancellationToken);
        var preview = contest is null ? null : await previews.PreviewAsync(contestId, cancellationToken);
        if (contest is null || preview?.Ranking is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var package = ResultsPackageJson.WithHash(new ResultsPackage(
            new PublishedContest(contest.Code, contest.Title, 0, now, null), preview.Input.Rules, preview.Input.Profiles, preview.Input.Scores, preview.Ranking));
        return new StoredPackage(contest, new PublicationInfo(0, now, package.Hash, null), ResultsPackageJson.Write(package), preview.Input, preview.Ranking, []);
    }

    /// <summary>What the dashboard counts: the latest publication once there is one, the preview before.</summary>
    public async Task<ShownResults?> DashboardSourceAsync(int contestId, CancellationToken cancellationToken = default)
    {
        if (await publications.IsPublicAsync(contestId, cancellationToken))
        {
            var contest = await ContestAsync(c => c.Id == contestId, null, cancellationToken);
            return contest is null ? null : await PublishedAsync(contest.Code, null, cancellationToken: cancellationToken);
        }
        return await PreviewAsync(contestId, cancellationToken: cancellationToken);
    }

    private async Task<ShownResults> ShowAsync(StoredPackage stored, bool withJurors, CancellationToken cancellationToken) =>
        new(stored.Contest, stored.Publication, stored.History, stored.Input, stored.Results,
            withJurors ? await JurorsAsync(stored.Contest.Id, stored.Input.Rules, cancellationToken) : null);

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
