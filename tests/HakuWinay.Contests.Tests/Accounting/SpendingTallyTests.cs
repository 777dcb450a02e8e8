using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Accounting;

public sealed class SpendingTallyTests
{
    private static readonly TallyTranche First = new(11, 1, 7_000m, 7_000m, null);
    private static readonly TallyTranche Second = new(12, 2, 3_000m, null, 70m);
    private static readonly TallyLine Seeds = new(1, "Semillas", InvestmentCategory.InputsAndMaterials, 4_000m);
    private static readonly TallyLine Fertilizer = new(2, "Abono", InvestmentCategory.InputsAndMaterials, 1_000m);
    private static readonly TallyLine Mill = new(3, "Molino", InvestmentCategory.Equipment, 5_000m);

    private static SpendingTally Tally(params TallyExpense[] expenses) => SpendingTally.Of([First, Second], [Seeds, Fertilizer, Mill], expenses);

    [Fact]
    public void Only_approved_expenses_count_toward_the_accounted_share_and_submitted_ones_are_pending_review()
    {
        var tally = Tally(
            new TallyExpense(11, 1, 3_000m, ExpenseStatus.Approved),
            new TallyExpense(11, 3, 1_000m, ExpenseStatus.Submitted),
            new TallyExpense(11, 3, 2_500m, ExpenseStatus.Rejected));

        var first = tally.Tranches.Single(t => t.Order == 1);
        Assert.Equal((3_000m, 1_000m, 42.86m), (first.Approved, first.PendingReview, first.AccountedPercent));
        Assert.Equal(3_000m, tally.ApprovedTotal);
        Assert.Equal(1_000m, tally.PendingReviewTotal);
    }

    [Fact]
    public void An_unpaid_tranche_has_no_accounted_percentage()
    {
        var second = Tally().Tranches.Single(t => t.Order == 2);

        Assert.Null(second.AccountedPercent);
        Assert.Null(second.Paid);
    }

    [Theory]
    [InlineData("4899.00", "69.99")]
    [InlineData("4900.00", "70.00")]
    [InlineData("4899.65", "70.00")] // 69.995 % rounds half away from zero, as the tranche condition does
    [InlineData("4899.64", "69.99")]
    [InlineData("7000.00", "100.00")]
    public void The_accounted_percentage_has_two_decimals_rounded_half_away_from_zero(string approved, string percent)
    {
        var tally = Tally(new TallyExpense(11, 1, decimal.Parse(approved, System.Globalization.CultureInfo.InvariantCulture), ExpenseStatus.Approved));

        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), tally.Tranches.Single(t => t.Order == 1).AccountedPercent);
    }

    [Theory]
    [InlineData("0", "4899.65")]
    [InlineData("4899.64", "0.01")]
    [InlineData("4899.65", "0")]
    [InlineData("6000", "0")]
    public void Still_to_account_is_the_least_that_reaches_70_percent_once_rounded(string approved, string missing)
    {
        var amount = decimal.Parse(approved, System.Globalization.CultureInfo.InvariantCulture);
        var tally = Tally(amount == 0 ? [] : [new TallyExpense(11, 1, amount, ExpenseStatus.Approved)]);

        Assert.Equal(decimal.Parse(missing, System.Globalization.CultureInfo.InvariantCulture), tally.StillToAccount(11, 70m));
    }

    [Fact]
    public void Still_to_account_of_an_unpaid_tranche_is_nothing()
    {
        Assert.Equal(0m, Tally().StillToAccount(12, 70m));
    }

    [Fact]
    public void Each_category_sums_its_fund_lines_against_approved_spending_and_each_line_too()
    {
        var tally = Tally(
            new TallyExpense(11, 1, 2_000m, ExpenseStatus.Approved),
            new TallyExpense(11, 2, 500.50m, ExpenseStatus.Approved),
            new TallyExpense(11, 2, 100m, ExpenseStatus.Submitted),
            new TallyExpense(11, 3, 9_999m, ExpenseStatus.Rejected));

        var inputs = tally.Categories.Single(c => c.Category == InvestmentCategory.InputsAndMaterials).Spending;
        var equipment = tally.Categories.Single(c => c.Category == InvestmentCategory.Equipment).Spending;
        Assert.Equal((5_000m, 2_500.50m, 100m, 50.01m), (inputs.Planned, inputs.Approved, inputs.PendingReview, inputs.SpentPercent));
        Assert.Equal((5_000m, 0m, 0m, 0m), (equipment.Planned, equipment.Approved, equipment.PendingReview, equipment.SpentPercent));
        Assert.Equal([2_000m, 500.50m, 0m], tally.Lines.Select(l => l.Spending.Approved));
        Assert.Equal(50.05m, tally.Lines.Single(l => l.LineId == 2).Spending.SpentPercent);
    }

    [Fact]
    public void A_line_planned_at_zero_has_no_percentage()
    {
        var tally = SpendingTally.Of([First], [new TallyLine(9, "Donado", InvestmentCategory.Other, 0m)], []);

        Assert.Null(tally.Lines.Single().Spending.SpentPercent);
    }
}
