using System.Linq.Expressions;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>A contest as the results pages head it: the names of its region, province and district (the region's code when the catalog lacks it).</summary>
public sealed record ResultsContestPlace(int Id, string Code, string Title, string RegionName, string? ProvinceName, string? DistrictName);

/// <summary>One stage of the rules with the real names of the jurors who submitted at least one scorecard in it.</summary>
public sealed record StageJurorNames(string StageCode, string StageName, IReadOnlyList<string> Names);

/// <summary>
/// What the results pages and the acta read besides the stored package: the contest's heading and,
/// for the acta only, the jurors present in each stage (the package itself names jurors only by pseudonym).
/// </summary>
public sealed class ResultsPageQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>The contest with this id; null when there is none.</summary>
    public Task<ResultsContestPlace?> ContestAsync(int contestId, CancellationToken ct = default) => FindAsync(c => c.Id == contestId, ct);

    /// <summary>The contest with this code, trimmed and upper-cased as public URLs may write it; null for an unknown, blank or overlong code.</summary>
    public Task<ResultsContestPlace?> ContestAsync(string? contestCode, CancellationToken ct = default)
    {
        var code = (contestCode ?? "").Trim().ToUpperInvariant();
        return code.Length == 0 || code.Length > Contest.MaxCodeLength
            ? Task.FromResult<ResultsContestPlace?>(null)
            : FindAsync(c => c.Code == code, ct);
    }

    /// <summary>Per stage of <paramref name="rules"/>, in its order, the jurors with a submitted scorecard in it, by full name (email when none), in ordinal order.</summary>
    public async Task<IReadOnlyList<StageJurorNames>> JurorsByStageAsync(int contestId, ResultsRules rules, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submitted = await (from s in db.Scorecards
                               join stage in db.Contests.Where(c => c.Id == contestId).SelectMany(c => c.Stages) on s.ContestStageId equals stage.Id
                               join u in db.Users on s.JurorUserId equals u.Id
                               where s.Status == ScorecardStatus.Submitted
                               select new { stage.Code, Name = u.FullName != "" ? u.FullName : u.Email ?? u.Id })
            .Distinct().ToListAsync(ct);
        return rules.Stages.Select(stage => new StageJurorNames(stage.Code, stage.Name,
                submitted.Where(s => s.Code == stage.Code).Select(s => s.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private async Task<ResultsContestPlace?> FindAsync(Expression<Func<Contest, bool>> which, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.AsNoTracking().Where(which)
            .Select(c => new { c.Id, c.Code, c.Title, c.RegionCode, c.ProvinceCode, c.DistrictCode })
            .SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return null;
        }
        var region = await db.Regions.Where(r => r.Code == contest.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct);
        var province = contest.ProvinceCode is null ? null
            : await db.Provinces.Where(p => p.Code == contest.ProvinceCode).Select(p => p.Name).SingleOrDefaultAsync(ct);
        var district = contest.DistrictCode is null ? null
            : await db.Districts.Where(d => d.Code == contest.DistrictCode).Select(d => d.Name).SingleOrDefaultAsync(ct);
        return new ResultsContestPlace(contest.Id, contest.Code, contest.Title, region ?? contest.RegionCode, province, district);
    }
}
