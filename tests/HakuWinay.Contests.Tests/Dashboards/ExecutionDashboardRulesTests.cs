using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.Tests.Dashboards;

public sealed class ExecutionDashboardRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>A 10,000 award in 70/30 whose first tranche (7,000) was paid <paramref name="daysAgo"/> days ago.</summary>
    private static ExecutionAwardFacts PaidAward(int daysAgo, decimal approved = 0m, int awardId = 1, string category = "A", string line = "Cuyes",
        IReadOnlyList<ExecutionVisitFacts>? visits = null, IReadOnlyList<ExecutionExpenseFacts>? moreExpenses = null, decimal? required = 70m)
    {
        var expenses = new List<ExecutionExpenseFacts>();
        if (approved > 0)
        {
            expenses.Add(new ExecutionExpenseFacts(10, approved, ExpenseStatus.Approved));
        }
        expenses.AddRange(moreExpenses ?? []);
        return new ExecutionAwardFacts(awardId, $"P-{awardId:000}", $"Grupo {awardId}", category, line, 10_000m, AwardStatus.Active,
            [
                new ExecutionTrancheFacts(10, 1, 7_000m, TrancheStatus.Paid, 7_000m, Today.AddDays(-daysAgo), null),
                new ExecutionTrancheFacts(11, 2, 3_000m, TrancheStatus.Scheduled, null, null, required),
            ],
            visits ?? [], expenses);
    }

    private static ExecutionAwardFacts UnpaidAward(int awardId, decimal amount, string category, string line, AwardStatus status = AwardStatus.Active) =>
        new(awardId, $"P-{awardId:000}", $"Grupo {awardId}", category, line, amount, status,
            [new ExecutionTrancheFacts(awardId * 10, 1, amount, TrancheStatus.Scheduled, null, null, null)], [], []);

    private static ExecutionVisitFacts Visit(int order, VisitStatus status, int visitedDaysAgo, VisitRating? rating) =>
        new(100 + order, order, status, Today.AddDays(-visitedDaysAgo), Today.AddDays(-visitedDaysAgo), rating, "Técnico");

    private static ExecutionVisitFacts Scheduled(int order, int inDays, VisitStatus status = VisitStatus.Scheduled) =>
        new(100 + order, order, status, Today.AddDays(inDays), null, null, "Técnico");

    [Fact]
    public void Tranche_barely_accounted_59_days_after_payment_is_not_at_risk_yet()
    {
        Assert.Empty(ExecutionDashboardRules.RiskReasons(PaidAward(daysAgo: 59, approved: 100m), Today));
    }

    [Fact]
    public void Tranche_under_70_percent_accounted_exactly_60_days_after_payment_is_at_risk()
    {
        var reason = Assert.Single(ExecutionDashboardRules.RiskReasons(PaidAward(daysAgo: 60, approved: 100m), Today));

        Assert.Equal(new RiskReason(RiskKind.TrancheNotAccounted, TrancheOrder: 1, DaysSincePayment: 60, AccountedPercent: 1.43m, RequiredPercent: 70m), reason);
    }

    [Fact]
    public void Accounted_69_99_percent_is_at_risk_and_70_percent_is_not()
    {
        // 4,899.30 of 7,000 is 69.99%; 4,900 is 70.00%.
        var under = ExecutionDashboardRules.RiskReasons(PaidAward(daysAgo: 90, approved: 4_899.30m), Today);
        var enough = ExecutionDashboardRules.RiskReasons(PaidAward(daysAgo: 90, approved: 4_900m), Today);

        Assert.Equal(69.99m, Assert.Single(under).AccountedPercent);
        Assert.Empty(enough);
    }

    [Fact]
    public void Expenses_awaiting_review_or_rejected_do_not_count_as_accounted()
    {
        var award = PaidAward(daysAgo: 90, moreExpenses:
        [
            new ExecutionExpenseFacts(10, 4_000m, ExpenseStatus.Submitted),
            new ExecutionExpenseFacts(10, 3_000m, ExpenseStatus.Rejected),
        ]);

        Assert.Equal(0m, Assert.Single(ExecutionDashboardRules.RiskReasons(award, Today)).AccountedPercent);
    }

    [Fact]
    public void Expenses_against_another_tranche_do_not_account_for_this_one()
    {
        var award = PaidAward(daysAgo: 90, moreExpenses: [new ExecutionExpenseFacts(11, 7_000m, ExpenseStatus.Approved)]);

        Assert.Equal(1, Assert.Single(ExecutionDashboardRules.RiskReasons(award, Today)).TrancheOrder);
    }

    [Fact]
    public void The_next_tranches_required_percent_is_the_bar()
    {
        var award = PaidAward(daysAgo: 90, approved: 5_600m, required: 90m); // 80% accounted

        Assert.Equal(90m, Assert.Single(ExecutionDashboardRules.RiskReasons(award, Today)).RequiredPercent);
        Assert.Empty(ExecutionDashboardRules.RiskReasons(PaidAward(daysAgo: 90, approved: 5_600m), Today));
    }

    [Fact]
    public void The_last_tranche_is_held_to_the_default_70_percent()
    {
        var tranches = new List<ExecutionTrancheFacts>
        {
            new(10, 1, 7_000m, TrancheStatus.Paid, 7_000m, Today.AddDays(-200), null),
            new(11, 2, 3_000m, TrancheStatus.Paid, 3_000m, Today.AddDays(-60), 70m),
        };
        var award = PaidAward(daysAgo: 200, approved: 7_000m) with { Tranches = tranches };

        var reason = Assert.Single(ExecutionDashboardRules.RiskReasons(award, Today));

        Assert.Equal((2, 70m), (reason.TrancheOrder!.Value, reason.RequiredPercent!.Value));
    }

    [Fact]
    public void Unpaid_tranches_are_never_at_risk()
    {
        Assert.Empty(ExecutionDashboardRules.RiskReasons(UnpaidAward(1, 10_000m, "A", "Cuyes"), Today));
    }

    [Fact]
    public void Latest_reported_visit_rated_unsatisfactory_puts_the_business_at_risk()
    {
        var award = PaidAward(daysAgo: 10, visits: [Visit(1, VisitStatus.Submitted, 3, VisitRating.Unsatisfactory)]);

        var reason = Assert.Single(ExecutionDashboardRules.RiskReasons(award, Today));

        Assert.Equal(new RiskReason(RiskKind.UnsatisfactoryVisit, VisitOrder: 1, VisitedOn: Today.AddDays(-3)), reason);
    }

    [Fact]
    public void Unsatisfactory_visit_followed_by_a_satisfactory_one_is_no_longer_at_risk()
    {
        var award = PaidAward(daysAgo: 100, approved: 7_000m, visits:
        [
            Visit(1, VisitStatus.Approved, 70, VisitRating.Unsatisfactory),
            Visit(2, VisitStatus.Approved, 10, VisitRating.Satisfactory),
        ]);

        Assert.Empty(ExecutionDashboardRules.RiskReasons(award, Today));
    }

    [Fact]
    public void Satisfactory_visit_followed_by_an_unsatisfactory_one_is_at_risk()
    {
        var award = PaidAward(daysAgo: 100, approved: 7_000m, visits:
        [
            Visit(1, VisitStatus.Approved, 70, VisitRating.Satisfactory),
            Visit(2, VisitStatus.Submitted, 10, VisitRating.Unsatisfactory),
        ]);

        Assert.Equal(2, Assert.Single(ExecutionDashboardRules.RiskReasons(award, Today)).VisitOrder);
    }

    [Fact]
    public void A_report_sent_back_is_not_the_latest_word()
    {
        var award = PaidAward(daysAgo: 100, approved: 7_000m, visits:
        [
            Visit(1, VisitStatus.Approved, 70, VisitRating.Satisfactory),
            Visit(2, VisitStatus.SentBack, 10, VisitRating.Unsatisfactory),
        ]);

        Assert.Empty(ExecutionDashboardRules.RiskReasons(award, Today));
    }

    [Fact]
    public void Both_reasons_are_listed_together()
    {
        var award = PaidAward(daysAgo: 61, visits: [Visit(1, VisitStatus.Approved, 20, VisitRating.Unsatisfactory)]);

        var kinds = ExecutionDashboardRules.RiskReasons(award, Today).Select(r => r.Kind);

        Assert.Equal([RiskKind.UnsatisfactoryVisit, RiskKind.TrancheNotAccounted], kinds);
    }

    [Fact]
    public void Closed_and_cancelled_awards_are_never_at_risk_and_cancelled_ones_count_for_nothing()
    {
        var closed = PaidAward(daysAgo: 90, awardId: 1) with { Status = AwardStatus.Closed };
        var cancelled = UnpaidAward(2, 5_000m, "A", "Cuyes", AwardStatus.Cancelled);

        var dashboard = ExecutionDashboardRules.Compute([closed, cancelled], Today);

        Assert.Empty(dashboard.AtRisk);
        Assert.Equal((1, 10_000m), (dashboard.Totals.Awards, dashboard.Totals.Awarded));
    }

    [Fact]
    public void Totals_add_awarded_paid_and_approved_expenses_by_category_and_line()
    {
        var awards = new[]
        {
            PaidAward(daysAgo: 10, approved: 3_500m, awardId: 1, category: "A", line: "Cuyes"),
            UnpaidAward(2, 5_000m, "A", "Trucha"),
            UnpaidAward(3, 20_000m, "B", "Cuyes"),
        };

        var dashboard = ExecutionDashboardRules.Compute(awards, Today);

        Assert.Equal(new ExecutionTotals("", 3, 35_000m, 7_000m, 3_500m), dashboard.Totals);
        Assert.Equal(20m, dashboard.Totals.PaidPercent);
        Assert.Equal(50m, dashboard.Totals.AccountedPercent);
        Assert.Equal(
            [new ExecutionTotals("B", 1, 20_000m, 0m, 0m), new ExecutionTotals("A", 2, 15_000m, 7_000m, 3_500m)],
            dashboard.ByCategory);
        Assert.Equal(
            [new ExecutionTotals("Cuyes", 2, 30_000m, 7_000m, 3_500m), new ExecutionTotals("Trucha", 1, 5_000m, 0m, 0m)],
            dashboard.ByProductionLine);
        Assert.Null(dashboard.ByProductionLine[1].AccountedPercent);
    }

    [Fact]
    public void Visits_due_within_30_days_overdue_and_done_are_told_apart()
    {
        var award = PaidAward(daysAgo: 10, visits:
        [
            Scheduled(1, 0),
            Scheduled(2, 30),
            Scheduled(3, 31),
            Scheduled(4, -1),
            Scheduled(5, -5, VisitStatus.Overdue),
            Visit(6, VisitStatus.Approved, 2, VisitRating.Satisfactory),
            Visit(7, VisitStatus.Submitted, 1, VisitRating.Satisfactory),
            new ExecutionVisitFacts(108, 8, VisitStatus.Planned, null, null, null, null),
        ]);

        var dashboard = ExecutionDashboardRules.Compute([award], Today);

        Assert.Equal([1, 2], dashboard.VisitsDue.Select(v => v.Order));
        Assert.Equal([5, 4], dashboard.VisitsOverdue.Select(v => v.Order));
        Assert.Equal([6], dashboard.VisitsDone.Select(v => v.Order));
    }

    [Fact]
    public void Visits_of_a_closed_award_are_done_but_never_due()
    {
        var award = PaidAward(daysAgo: 10, visits: [Scheduled(1, 3), Visit(2, VisitStatus.Approved, 2, VisitRating.Satisfactory)]) with { Status = AwardStatus.Closed };

        var dashboard = ExecutionDashboardRules.Compute([award], Today);

        Assert.Empty(dashboard.VisitsDue);
        Assert.Single(dashboard.VisitsDone);
    }

    [Fact]
    public void A_contest_without_awards_has_an_empty_dashboard()
    {
        var dashboard = ExecutionDashboardRules.Compute([], Today);

        Assert.Equal(new ExecutionTotals("", 0, 0m, 0m, 0m), dashboard.Totals);
        Assert.Null(dashboard.Totals.PaidPercent);
        Assert.Empty(dashboard.ByCategory);
        Assert.Empty(dashboard.AtRisk);
    }
}
