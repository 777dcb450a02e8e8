using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Dashboards;

/// <summary>The contest a dashboard is about, and the dashboard itself.</summary>
public sealed record ContestExecution(int ContestId, string ContestCode, string ContestTitle, ExecutionDashboard Dashboard);

/// <summary>
/// Gathers a contest's awards (tranches, visits, expenses, category, production line) and applies
/// <see cref="ExecutionDashboardRules"/> on today's Lima date. Read-only: one context, no tracking.
/// </summary>
public sealed class ExecutionDashboardQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The dashboard of <paramref name="contestId"/>; null when there is no such contest.</summary>
    public async Task<ContestExecution?> ForContestAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.AsNoTracking()
            .Where(c => c.Id == contestId)
            .Select(c => new { c.Id, c.Code, c.Title })
            .SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return null;
        }

        var facts = await AwardFactsAsync(db, a => a.ContestId == contestId, ct);

        var today = DateOnly.FromDateTime(LimaTime.ToLima(clock.GetUtcNow().UtcDateTime));
        return new ContestExecution(contest.Id, contest.Code, contest.Title, ExecutionDashboardRules.Compute(facts, today));
    }

    /// <summary>
    /// The facts the execution rules take (category, production line, tranches, visits, expenses)
    /// of the awards <paramref name="which"/> selects; the programme dashboard reads them too.
    /// </summary>
    internal static async Task<List<ExecutionAwardFacts>> AwardFactsAsync(
        ContestsDbContext db, System.Linq.Expressions.Expression<Func<Disbursements.Award, bool>> which, CancellationToken ct)
    {
        var awards = await db.Awards.AsNoTracking()
            .Where(which)
            .Include(a => a.Tranches)
            .Include(a => a.Visits)
            .AsSplitQuery()
            .ToListAsync(ct);
        var profileIds = awards.Select(a => a.BusinessProfileId).ToList();
        var groupIds = awards.Select(a => a.ProducerGroupId).ToList();
        var awardIds = awards.Select(a => a.Id).ToList();

        var profiles = await (from p in db.BusinessProfiles
                              join k in db.Set<Contests.ContestCategory>() on p.CategoryId equals k.Id
                              where profileIds.Contains(p.Id)
                              select new { p.Id, p.Code, Category = k.Name }).ToDictionaryAsync(p => p.Id, ct);
        var groups = await (from g in db.ProducerGroups
                            join l in db.ProductionLines on g.ProductionLineId equals l.Id
                            where groupIds.Contains(g.Id)
                            select new { g.Id, g.Name, Line = l.Name }).ToDictionaryAsync(g => g.Id, ct);
        var expenses = (await db.Expenses.AsNoTracking()
                .Where(e => awardIds.Contains(e.AwardId))
                .Select(e => new { e.AwardId, e.AwardTrancheId, e.Amount, e.Status })
                .ToListAsync(ct))
            .ToLookup(e => e.AwardId, e => new ExecutionExpenseFacts(e.AwardTrancheId, e.Amount, e.Status));
        var technicianIds = awards.SelectMany(a => a.Visits).Select(v => v.TechnicianUserId).OfType<string>().Distinct().ToList();
        var technicians = await db.Users
            .Where(u => technicianIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName })
            .ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        return awards.Select(a => new ExecutionAwardFacts(
                a.Id,
                profiles.TryGetValue(a.BusinessProfileId, out var p) ? p.Code ?? "" : "",
                groups.TryGetValue(a.ProducerGroupId, out var g) ? g.Name : "",
                p?.Category ?? "",
                g?.Line ?? "",
                a.Amount,
                a.Status,
                [.. a.Tranches.Select(t => new ExecutionTrancheFacts(t.Id, t.Order, t.Amount, t.Status, t.PaidAmount, t.PaidOnLimaDate, t.RequiredAccountedPercent))],
                [.. a.Visits.Select(v => new ExecutionVisitFacts(v.Id, v.Order, v.Status, v.ScheduledOn, v.VisitedOn, v.Rating,
                    v.TechnicianUserId is { } id && technicians.TryGetValue(id, out var name) ? name : null))],
                [.. expenses[a.Id]]))
            .ToList();
    }
}
