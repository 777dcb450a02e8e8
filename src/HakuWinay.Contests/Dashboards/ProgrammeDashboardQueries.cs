using System.Linq.Expressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Territories;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Dashboards;

/// <summary>What the programme dashboard's filters may choose from, within the reader's regions.</summary>
public sealed record ProgrammeOptions(
    IReadOnlyList<int> Years,
    IReadOnlyList<(string Code, string Name)> Regions,
    IReadOnlyList<(string Code, string Name)> ProductionLines,
    IReadOnlyList<(string Code, string Name)> Categories);

/// <summary>
/// Gathers the programme's contests, applicants, households and awards and applies
/// <see cref="ProgrammeDashboardRules"/>. Every query takes the reader's <see cref="StaffScope"/>
/// (docs/decisions/028-staff-territories.md): only contests inside it are read at all, so a region
/// filter outside the scope shows nothing rather than another territory's figures. Read-only: one
/// context per call, no tracking.
/// </summary>
public sealed class ProgrammeDashboardQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The one place that says which household counts as a Juntos household, for every figure of
    /// the dashboard: its status verified against the Juntos padrón (docs/decisions/029-padrones.md),
    /// never the declaration alone.
    /// </summary>
    public static readonly Expression<Func<Household, bool>> CountsAsJuntos = h => h.IsJuntosVerified;

    /// <summary>Declared a Juntos user, not verified by the padrón: shown apart, counted for nothing (<see cref="Household.IsJuntosDeclaredOnly"/>).</summary>
    public static readonly Expression<Func<Household, bool>> DeclaredOnlyJuntos = h => h.IsJuntosUser && !h.IsJuntosVerified;

    private static readonly ProfileStatus[] ApplicantStatuses = [ProfileStatus.Submitted, ProfileStatus.Eligible, ProfileStatus.Ineligible];

    public async Task<ProgrammeDashboard> ComputeAsync(ProgrammeFilter filter, StaffScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contests = (await ContestsAsync(db, scope, ct))
            .Where(c => filter.Year is null || c.Year == filter.Year)
            .Where(c => filter.RegionCode is null || string.Equals(c.RegionCode, filter.RegionCode, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var applicants = await ApplicantsAsync(db, contests, ct);
        return ProgrammeDashboardRules.Compute(contests, applicants, filter);
    }

    public async Task<ProgrammeOptions> OptionsAsync(StaffScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contests = await ContestsAsync(db, scope, ct);
        var ids = contests.Select(c => c.ContestId).ToList();
        var categories = await db.Contests.AsNoTracking().Where(c => ids.Contains(c.Id)).SelectMany(c => c.Categories)
            .Select(k => new { k.Code, k.Name }).ToListAsync(ct);
        var lines = await db.ProductionLines.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Code, l.Name }).ToListAsync(ct);
        return new ProgrammeOptions(
            [.. contests.Select(c => c.Year).Distinct().OrderDescending()],
            [.. contests.DistinctBy(c => c.RegionCode).OrderBy(c => c.RegionName, StringComparer.Ordinal).Select(c => (c.RegionCode, c.RegionName))],
            [.. lines.Select(l => (l.Code, l.Name))],
            [.. categories.GroupBy(k => k.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.First().Name))]);
    }

    private static async Task<List<ProgrammeContestFacts>> ContestsAsync(ContestsDbContext db, StaffScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var query = db.Contests.AsNoTracking().Where(c => c.Status != ContestStatus.Draft).Within(scope);
        var rows = await (from c in query
                          join r in db.Regions on c.RegionCode equals r.Code into named
                          from r in named.DefaultIfEmpty()
                          select new { c.Id, c.RegionCode, RegionName = r != null ? r.Name : c.RegionCode, c.Timeline.CallOpensAtUtc })
            .ToListAsync(ct);
        return [.. rows.Select(c => new ProgrammeContestFacts(c.Id, LimaTime.ToLima(c.CallOpensAtUtc).Year, c.RegionCode, c.RegionName))];
    }

    private async Task<List<ProgrammeApplicantFacts>> ApplicantsAsync(ContestsDbContext db, List<ProgrammeContestFacts> contests, CancellationToken ct)
    {
        var contestIds = contests.Select(c => c.ContestId).ToList();
        var years = contests.ToDictionary(c => c.ContestId, c => c.Year);
        var profiles = await (from p in db.BusinessProfiles.AsNoTracking().Include(p => p.Lines)
                              join k in db.Set<ContestCategory>() on p.CategoryId equals k.Id
                              join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                              join l in db.ProductionLines on g.ProductionLineId equals l.Id
                              where contestIds.Contains(p.ContestId) && ApplicantStatuses.Contains(p.Status)
                              select new { Profile = p, Category = k.Code, Line = l.Code })
            .ToListAsync(ct);
        var groupIds = profiles.Select(p => p.Profile.ProducerGroupId).Distinct().ToList();
        var households = (await db.Households.AsNoTracking().Where(h => groupIds.Contains(h.ProducerGroupId))
                .Select(h => new { h.Id, h.ProducerGroupId, h.Sex, h.BirthYear }).ToListAsync(ct))
            .ToLookup(h => h.ProducerGroupId);
        var juntos = (await db.Households.AsNoTracking().Where(h => groupIds.Contains(h.ProducerGroupId)).Where(CountsAsJuntos)
            .Select(h => h.Id).ToListAsync(ct)).ToHashSet();
        var declaredOnly = (await db.Households.AsNoTracking().Where(h => groupIds.Contains(h.ProducerGroupId)).Where(DeclaredOnlyJuntos)
            .Select(h => h.Id).ToListAsync(ct)).ToHashSet();
        var awards = await AwardsAsync(db, contestIds, ct);

        return [.. profiles.Select(x =>
        {
            var year = years[x.Profile.ContestId];
            var members = households[x.Profile.ProducerGroupId].ToList();
            return new ProgrammeApplicantFacts(
                x.Profile.ContestId, x.Line, x.Category, x.Profile.Status, x.Profile.Totals.FundRequest,
                new ProgrammeHouseholds(members.Count, members.Count(h => h.Sex == Sex.Female),
                    members.Count(h => Household.IsYouth(h.BirthYear, year)), members.Count(h => juntos.Contains(h.Id)),
                    members.Count(h => declaredOnly.Contains(h.Id))),
                awards.GetValueOrDefault(x.Profile.Id));
        })];
    }

    /// <summary>Each funded profile's award (the one not cancelled, when a correction left two) with its execution facts.</summary>
    private async Task<Dictionary<int, ProgrammeAwardFacts>> AwardsAsync(ContestsDbContext db, List<int> contestIds, CancellationToken ct)
    {
        var facts = (await ExecutionDashboardQueries.AwardFactsAsync(db, a => contestIds.Contains(a.ContestId), ct)).ToDictionary(f => f.AwardId);
        var owners = await db.Awards.AsNoTracking().Where(a => contestIds.Contains(a.ContestId))
            .Select(a => new { a.Id, a.BusinessProfileId }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(LimaTime.ToLima(clock.GetUtcNow().UtcDateTime));
        return owners
            .GroupBy(o => o.BusinessProfileId)
            .ToDictionary(g => g.Key, g =>
            {
                var award = g.Select(o => facts[o.Id]).OrderBy(f => f.Status == Disbursements.AwardStatus.Cancelled).First();
                var totals = ExecutionDashboardRules.Totals("", [award]);
                return new ProgrammeAwardFacts(award.Status, award.Amount, totals.Paid, totals.Accounted,
                    ExecutionDashboardRules.RiskReasons(award, today).Count > 0);
            });
    }
}
