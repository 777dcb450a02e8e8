using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Accounting;

public sealed class GroupPendingTests
{
    private static readonly DateOnly PaidOn = new(2026, 3, 2);
    private static readonly AccountingTarget FirstTranche = new(11, 1, PaidOn, 70m);

    private static SpendingTally Tally(decimal approved) => SpendingTally.Of(
        [new TallyTranche(11, 1, 7_000m, 7_000m, null), new TallyTranche(12, 2, 3_000m, null, 70m)],
        [new TallyLine(1, "Semillas", InvestmentCategory.InputsAndMaterials, 10_000m)],
        approved == 0 ? [] : [new TallyExpense(11, 1, approved, ExpenseStatus.Approved)]);

    [Fact]
    public void Before_the_agreement_the_group_is_to_sign_it()
    {
        var items = GroupPending.For(false, Tally(0), [], null, null, [], []);

        Assert.Equal([PendingKind.SignAgreement], items.Select(i => i.Kind));
    }

    [Fact]
    public void Below_70_percent_the_group_is_to_account_for_the_rest_within_60_days_of_the_payment()
    {
        var item = Assert.Single(GroupPending.For(true, Tally(1_000m), [FirstTranche], null, null, [], []));

        Assert.Equal((PendingKind.AccountForTranche, 3_899.65m, new DateOnly(2026, 5, 1), 1), (item.Kind, item.Amount, item.By, item.Order));
    }

    [Fact]
    public void At_70_percent_nothing_is_left_to_account_for()
    {
        Assert.Empty(GroupPending.For(true, Tally(4_900m), [FirstTranche], null, null, [], []));
    }

    [Fact]
    public void The_next_visit_is_pending_with_its_date()
    {
        var item = Assert.Single(GroupPending.For(true, Tally(7_000m), [FirstTranche], new DateOnly(2026, 4, 1), 1, [], []));

        Assert.Equal((PendingKind.HostVisit, new DateOnly(2026, 4, 1), 1), (item.Kind, item.By, item.Order));
    }

    [Fact]
    public void A_rejected_expense_is_to_redo_until_a_newer_expense_is_recorded_on_its_line()
    {
        var reviewed = new DateTime(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc);
        var rejected = new RejectedExpense(5, 1, reviewed, "Boleta ilegible");

        var before = GroupPending.For(true, Tally(7_000m), [], null, null, [rejected], [(1, reviewed.AddDays(-2)), (2, reviewed.AddDays(1))]);
        var after = GroupPending.For(true, Tally(7_000m), [], null, null, [rejected], [(1, reviewed.AddDays(1))]);

        var item = Assert.Single(before);
        Assert.Equal((PendingKind.RedoExpense, 5, "Boleta ilegible"), (item.Kind, item.Reference, item.Reason));
        Assert.Empty(after);
    }
}
