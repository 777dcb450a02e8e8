using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Contests;

public sealed record CategorySummary(string Code, string Name, decimal Budget, decimal MaxAward);

public sealed record ContestSummary(
    int Id, string Code, string Title, ContestStatus Status, string RegionName, string? ProvinceName,
    DateTime CallOpensAtUtc, DateTime SubmissionsCloseAtUtc, IReadOnlyList<CategorySummary> Categories)
{
    public decimal TotalBudget => Categories.Sum(c => c.Budget);
}

/// <summary>Everything the public page of a contest shows; the bases with their placeholders filled from the settings.</summary>
public sealed record ContestDetails(
    ContestSummary Summary,
    string BasesMarkdown,
    ContestTimeline Timeline,
    IReadOnlyList<string> EligibleLines,
    int MinHouseholds,
    int MaxHouseholds,
    decimal MinCounterpartPercent,
    IReadOnlyDictionary<Profiles.InvestmentCategory, decimal> InvestmentCaps,
    decimal PassMark,
    IReadOnlyList<(string Name, decimal Weight)> Stages,
    IReadOnlyList<TrancheRule> Tranches,
    IReadOnlyList<PriorityRule> PriorityRules);

/// <summary>A row of the administrator's list of contests.</summary>
public sealed record ContestAdminRow(
    int Id, string Code, string Title, ContestStatus Status, DateTime CallOpensAtUtc, DateTime SubmissionsCloseAtUtc, int Drafts, int Submitted);

/// <summary>What the submissions page offers to filter by.</summary>
public sealed record SubmissionFilterOptions(
    int ContestId, string ContestCode, string ContestTitle,
    IReadOnlyList<(string Code, string Name)> Categories, IReadOnlyList<(string Code, string Name)> ProductionLines,
    IReadOnlyList<(string Code, string Name)> Districts);

/// <summary>Read-side questions about contests, for public pages and dashboards.</summary>
public sealed class ContestQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Every contest, newest first, with how many profiles are in draft and submitted.</summary>
    /// <summary>The contests an administrator of <paramref name="scope"/> runs (all of them for national staff).</summary>
    public async Task<IReadOnlyList<ContestAdminRow>> ListForAdminAsync(StaffScope? scope = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.BusinessProfiles.GroupBy(p => new { p.ContestId, p.Status })
            .Select(g => new { g.Key.ContestId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var contests = await db.Contests.AsNoTracking().Within(scope ?? StaffScope.National).OrderByDescending(c => c.CreatedAtUtc).ToListAsync(cancellationToken);
        return contests.Select(c => new ContestAdminRow(
                c.Id, c.Code, c.Title, c.Status, c.Timeline.CallOpensAtUtc, c.Timeline.SubmissionsCloseAtUtc,
                counts.Where(x => x.ContestId == c.Id && x.Status == Profiles.ProfileStatus.Draft).Sum(x => x.Count),
                counts.Where(x => x.ContestId == c.Id && x.Status is not (Profiles.ProfileStatus.Draft or Profiles.ProfileStatus.Withdrawn)).Sum(x => x.Count)))
            .ToList();
    }

    /// <summary>The contest's categories, eligible lines and the districts of its groups, for filters.</summary>
    public async Task<SubmissionFilterOptions?> SubmissionFilterOptionsAsync(int contestId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contest = await db.Contests.AsNoTracking().Include(c => c.Categories).Include(c => c.EligibleLines)
            .SingleOrDefaultAsync(c => c.Id == contestId, cancellationToken);
        if (contest is null)
        {
            return null;
        }
        var lineIds = contest.EligibleLines.Select(l => l.ProductionLineId).ToList();
        var lines = await db.ProductionLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).OrderBy(l => l.Name)
            .Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken);
        var districts = await (from p in db.BusinessProfiles
                               where p.ContestId == contestId
                               join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                               join d in db.Districts on g.Location.DistrictCode equals d.Code
                               select new { d.Code, d.Name }).Distinct().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        return new SubmissionFilterOptions(contest.Id, contest.Code, contest.Title,
            contest.Categories.OrderBy(c => c.Order).Select(c => (c.Code, c.Name)).ToList(),
            lines.Select(l => (l.Code, l.Name)).ToList(),
            districts.Select(d => (d.Code, d.Name)).ToList());
    }

    /// <summary>The public view of a contest by its code; drafts are not public.</summary>
    public async Task<ContestDetails?> FindPublicAsync(string code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contest = await db.Contests.AsNoTracking()
            .Include(c => c.Categories).Include(c => c.Stages).Include(c => c.EligibleLines).Include(c => c.InvestmentCaps)
            .Include(c => c.Tranches).Include(c => c.PriorityRules).Include(c => c.DocumentSlots).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Code == code && c.Status != ContestStatus.Draft, cancellationToken);
        if (contest is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var lineIds = contest.EligibleLines.Select(l => l.ProductionLineId).ToList();
        var lines = await db.ProductionLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).OrderBy(l => l.Name).Select(l => l.Name).ToListAsync(cancellationToken);
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == contest.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        var province = contest.ProvinceCode is null ? null
            : await db.Provinces.AsNoTracking().Where(p => p.Code == contest.ProvinceCode).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
        var summary = Summarize(contest, region ?? contest.RegionCode, province, now);
        return new ContestDetails(
            summary, BasesPlaceholders.Fill(contest).Markdown, contest.Timeline, lines, contest.MinHouseholds, contest.MaxHouseholds, contest.MinCounterpartPercent,
            contest.InvestmentCaps.ToDictionary(c => c.Category, c => c.MaxPercentOfFund), contest.PassMark,
            contest.Stages.OrderBy(s => s.Order).Select(s => (s.Name, s.Weight)).ToList(),
            contest.Tranches.OrderBy(t => t.Order).Select(t => t.Rule).ToList(),
            contest.PriorityRules.OrderBy(p => p.Kind).Select(p => p.Rule).ToList());
    }

    /// <summary>Contests whose call is announced or open and not yet closed, soonest deadline first.</summary>
    public async Task<IReadOnlyList<ContestSummary>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var contests = await db.Contests
            .AsNoTracking()
            .Include(c => c.Categories)
            .Where(c => (c.Status == ContestStatus.Published || c.Status == ContestStatus.Open)
                        && c.Timeline.SubmissionsCloseAtUtc > now)
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        return contests
            .OrderBy(c => c.Timeline.SubmissionsCloseAtUtc)
            .Select(c => Summarize(c, regions.GetValueOrDefault(c.RegionCode, c.RegionCode),
                c.ProvinceCode is null ? null : provinces.GetValueOrDefault(c.ProvinceCode, c.ProvinceCode), now))
            .ToList();
    }

    /// <summary>The id of the contest with this code (trimmed, any case); null for an unknown, blank or overlong code.</summary>
    public async Task<int?> IdOfCodeAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        if (normalized.Length == 0 || normalized.Length > Contest.MaxCodeLength)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Contests.Where(c => c.Code == normalized).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The home page: open calls (soonest deadline first), contests in evaluation (latest deadline
    /// first) and published results (newest publication first), at most <paramref name="perSection"/> each.
    /// </summary>
    public async Task<HomeContests> HomeAsync(int perSection, CancellationToken cancellationToken = default)
    {
        var rows = await ListPublicAsync(cancellationToken);
        HomeSection Section(ContestPhase phase)
        {
            var all = rows.Where(r => r.Phase == phase).ToList();
            return new HomeSection(all.Take(perSection).ToList(), all.Count);
        }
        return new HomeContests(Section(ContestPhase.Open), Section(ContestPhase.Evaluation), Section(ContestPhase.Results));
    }

    /// <summary>One page of the public index under the filter, with the years and regions that have public contests.</summary>
    public async Task<ContestIndexResult> IndexAsync(ContestIndexFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await ListPublicAsync(cancellationToken);
        var matching = rows.Where(filter.Matches).ToList();
        var pageCount = Math.Max(1, (matching.Count + ContestIndexFilter.PageSize - 1) / ContestIndexFilter.PageSize);
        var page = Math.Min(filter.Page, pageCount);
        return new ContestIndexResult(
            matching.Skip((page - 1) * ContestIndexFilter.PageSize).Take(ContestIndexFilter.PageSize).ToList(), matching.Count, page, pageCount,
            rows.Select(r => r.Year).Distinct().OrderDescending().ToList(),
            rows.Select(r => (r.RegionCode, r.Summary.RegionName)).Distinct().OrderBy(r => r.RegionName, StringComparer.CurrentCulture).ToList(),
            filter.Rejected);
    }

    /// <summary>
    /// Every public contest (not drafts) in the order the home page and the index show them: open
    /// calls, then evaluation, then published results. Contests are few (tens a year), so the
    /// filtering happens here rather than in SQL.
    /// </summary>
    private async Task<IReadOnlyList<PublicContestRow>> ListPublicAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var contests = await db.Contests.AsNoTracking().Include(c => c.Categories)
            .Where(c => c.Status != ContestStatus.Draft).ToListAsync(cancellationToken);
        // A handful of versions per contest: read them all rather than rely on each provider's MAX over dates.
        var latest = (await db.ResultsPublications.AsNoTracking().Select(p => new { p.ContestId, p.Version, p.PublishedAtUtc }).ToListAsync(cancellationToken))
            .GroupBy(p => p.ContestId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Version)!);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        return contests
            .Select(c => new PublicContestRow(
                Summarize(c, regions.GetValueOrDefault(c.RegionCode, c.RegionCode),
                    c.ProvinceCode is null ? null : provinces.GetValueOrDefault(c.ProvinceCode, c.ProvinceCode), now),
                c.RegionCode, ContestPhases.Of(c, now), ContestPhases.YearOf(c),
                latest.TryGetValue(c.Id, out var l) ? l.Version : null, latest.TryGetValue(c.Id, out var p) ? p.PublishedAtUtc : null))
            .OrderBy(r => r.Phase)
            .ThenBy(r => r.Phase == ContestPhase.Open ? r.Summary.SubmissionsCloseAtUtc.Ticks : 0)
            .ThenByDescending(r => r.Phase == ContestPhase.Results ? (r.ResultsPublishedAtUtc ?? DateTime.MinValue).Ticks : r.Summary.SubmissionsCloseAtUtc.Ticks)
            .ThenBy(r => r.Summary.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A call inside its dates shows as open even before the clock job has moved it.</summary>
    private static ContestSummary Summarize(Contest contest, string regionName, string? provinceName, DateTime nowUtc) => new(
        contest.Id, contest.Code, contest.Title, contest.AcceptsSubmissionsAt(nowUtc) ? ContestStatus.Open : contest.Status,
        regionName, provinceName, contest.Timeline.CallOpensAtUtc, contest.Timeline.SubmissionsCloseAtUtc,
        contest.Categories.OrderBy(k => k.Order).Select(k => new CategorySummary(k.Code, k.Name, k.Budget, k.MaxAward)).ToList());
}
