using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Disbursements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Execution;

public sealed class ExecutionDashboardQueriesTests(ExecutionPortal portal) : IClassFixture<ExecutionPortal>
{
    private async Task<ContestExecution> DashboardAsync()
    {
        await using var scope = portal.Portal.Services.CreateAsyncScope();
        var execution = await scope.ServiceProvider.GetRequiredService<ExecutionDashboardQueries>().ForContestAsync(portal.ContestId);
        Assert.NotNull(execution);
        return execution;
    }

    private async Task<decimal> FirstTrancheAsync(int awardId)
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        return await db.AwardTranches.Where(t => t.AwardId == awardId && t.Order == 1).Select(t => t.Amount).SingleAsync();
    }

    [Fact]
    public async Task Headline_adds_every_award_the_three_payments_and_only_approved_expenses()
    {
        var execution = await DashboardAsync();
        var late = await FirstTrancheAsync(portal.Late.AwardId);
        var onTrack = await FirstTrancheAsync(portal.OnTrack.AwardId);
        var unsatisfactory = await FirstTrancheAsync(portal.Unsatisfactory.AwardId);

        var totals = execution.Dashboard.Totals;

        Assert.Equal(portal.Awards.Count, totals.Awards);
        Assert.Equal(portal.Awards.Sum(a => a.Amount), totals.Awarded);
        Assert.Equal(late + onTrack + unsatisfactory, totals.Paid);
        Assert.Equal(Common.Money.Round(late * 0.10m) + Common.Money.Round(onTrack * 0.80m), totals.Accounted);
        Assert.Equal(portal.Today, execution.Dashboard.TodayInLima);
    }

    [Fact]
    public async Task Categories_and_production_lines_come_from_the_profiles_and_groups_and_add_up_to_the_headline()
    {
        var execution = await DashboardAsync();
        await using var db = await portal.Factory.CreateDbContextAsync();
        var categoryNames = await db.Contests.Where(c => c.Id == portal.ContestId).SelectMany(c => c.Categories).Select(c => c.Name).ToListAsync();
        var lineNames = await db.ProductionLines.Select(l => l.Name).ToListAsync();
        var dashboard = execution.Dashboard;

        Assert.All(dashboard.ByCategory, row => Assert.Contains(row.Label, categoryNames));
        Assert.All(dashboard.ByProductionLine, row => Assert.Contains(row.Label, lineNames));
        foreach (var rows in new[] { dashboard.ByCategory, dashboard.ByProductionLine })
        {
            Assert.Equal(
                (dashboard.Totals.Awards, dashboard.Totals.Awarded, dashboard.Totals.Paid, dashboard.Totals.Accounted),
                (rows.Sum(r => r.Awards), rows.Sum(r => r.Awarded), rows.Sum(r => r.Paid), rows.Sum(r => r.Accounted)));
        }
    }

    [Fact]
    public async Task Businesses_at_risk_are_the_late_accounting_and_the_unsatisfactory_visit_with_their_reasons()
    {
        var execution = await DashboardAsync();

        var atRisk = execution.Dashboard.AtRisk.ToDictionary(b => b.AwardId);

        Assert.Equal([portal.Late.AwardId, portal.Unsatisfactory.AwardId], atRisk.Keys.Order());
        var late = Assert.Single(atRisk[portal.Late.AwardId].Reasons);
        Assert.Equal((RiskKind.TrancheNotAccounted, 1, 90, 10m, 70m), (late.Kind, late.TrancheOrder!.Value, late.DaysSincePayment!.Value, late.AccountedPercent!.Value, late.RequiredPercent!.Value));
        var visit = Assert.Single(atRisk[portal.Unsatisfactory.AwardId].Reasons);
        Assert.Equal((RiskKind.UnsatisfactoryVisit, 1, portal.Today.AddDays(-1)), (visit.Kind, visit.VisitOrder!.Value, visit.VisitedOn!.Value));
        Assert.Equal(ExecutionPortal.MaliciousGroupName, atRisk[portal.Unsatisfactory.AwardId].GroupName);
        Assert.Equal(portal.Late.ProfileCode, atRisk[portal.Late.AwardId].ProfileCode);
    }

    [Fact]
    public async Task Visits_are_due_overdue_and_done_from_their_scheduled_dates_and_reports()
    {
        var execution = await DashboardAsync();
        var dashboard = execution.Dashboard;

        // Late: paid 90 days ago, visits at +30 (60 days ago, unreported), +90 (today), +180.
        // OnTrack: paid 100 days ago, visit 1 approved, visit 2 at +90 (10 days ago), visit 3 at +180.
        // Unsatisfactory: paid 10 days ago, visit 1 reported, visit 2 at +90 (in 80 days).
        Assert.Equal([(portal.Late.AwardId, 1), (portal.OnTrack.AwardId, 2)], dashboard.VisitsOverdue.Select(v => (v.AwardId, v.Order)));
        Assert.Equal([(portal.Late.AwardId, 2)], dashboard.VisitsDue.Select(v => (v.AwardId, v.Order)));
        var done = Assert.Single(dashboard.VisitsDone);
        Assert.Equal((portal.OnTrack.AwardId, 1), (done.AwardId, done.Order));
        Assert.All(dashboard.VisitsOverdue.Concat(dashboard.VisitsDue), v => Assert.False(string.IsNullOrEmpty(v.TechnicianName)));
    }

    [Fact]
    public async Task An_unknown_contest_has_no_dashboard()
    {
        await using var scope = portal.Portal.Services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<ExecutionDashboardQueries>().ForContestAsync(999_999));
    }

    [Fact]
    public async Task A_cancelled_award_counts_for_nothing()
    {
        await using var db = await portal.Factory.CreateDbContextAsync();
        // A profile of the contest that the results did not fund, so it has no award of its own yet.
        var profile = await db.BusinessProfiles
            .FirstAsync(p => p.ContestId == portal.ContestId && !db.Awards.Any(a => a.BusinessProfileId == p.Id));
        var award = new Award(portal.ContestId, profile.Id, profile.ProducerGroupId, 5_000m, 1, [.. HakuWinay.Contests.Contests.Contest.DefaultTranches], [30], null, DateTime.UtcNow);
        award.Cancel("Prueba de anulación", DateTime.UtcNow);
        db.Awards.Add(award);
        await db.SaveChangesAsync();
        try
        {
            var execution = await DashboardAsync();

            Assert.Equal(portal.Awards.Count, execution.Dashboard.Totals.Awards);
            Assert.DoesNotContain(execution.Dashboard.AtRisk, b => b.AwardId == award.Id);
        }
        finally
        {
            db.Awards.Remove(award);
            await db.SaveChangesAsync();
        }
    }
}
