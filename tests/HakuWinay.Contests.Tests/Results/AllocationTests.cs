using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using static HakuWinay.Contests.Tests.Results.ResultsBuilder;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>Rule 7: awards in rank order within each category's budget, by policy, with rollover and waitlist positions.</summary>
public sealed class AllocationTests
{
    /// <summary>Budget S/ 20,000.00; ranks 1–4 ask 8,000, 15,000, 7,000 and 6,000.</summary>
    private static ResultsBuilder FourRequests(BudgetAllocationPolicy policy, decimal? partialMinimum = null) => new ResultsBuilder()
        .Budget(20_000m).Policy(policy, partialMinimum)
        .Profile("R1", 8_000m).Scored("R1", 90)
        .Profile("R2", 15_000m).Scored("R2", 85)
        .Profile("R3", 7_000m).Scored("R3", 80)
        .Profile("R4", 6_000m).Scored("R4", 75);

    private static (ResultOutcome, decimal, int?)[] Outcomes(RankingResult result) =>
        [.. result.Entries.OrderBy(e => e.Rank).Select(e => (e.Outcome, e.Award, e.WaitlistPosition))];

    [Fact]
    public void SkipToFit_waitlists_a_request_that_does_not_fit_and_tries_the_next()
    {
        // 20,000 − 8,000 = 12,000; 15,000 does not fit; 12,000 − 7,000 = 5,000; 6,000 does not fit.
        var result = FourRequests(BudgetAllocationPolicy.SkipToFit).Rank();

        Assert.Equal(
            [(ResultOutcome.Funded, 8_000m, null), (ResultOutcome.Waitlisted, 0m, 1), (ResultOutcome.Funded, 7_000m, null), (ResultOutcome.Waitlisted, 0m, 2)],
            Outcomes(result));
        Assert.Equal(new CategoryOutcome(Idea, 20_000m, 0m, 15_000m, 5_000m, 4, 2), result.Category(Idea));
    }

    [Fact]
    public void StrictOrder_waitlists_the_first_request_that_does_not_fit_and_every_later_one()
    {
        var result = FourRequests(BudgetAllocationPolicy.StrictOrder).Rank();

        Assert.Equal(
            [(ResultOutcome.Funded, 8_000m, null), (ResultOutcome.Waitlisted, 0m, 1), (ResultOutcome.Waitlisted, 0m, 2), (ResultOutcome.Waitlisted, 0m, 3)],
            Outcomes(result));
        Assert.Equal(12_000m, result.Category(Idea).Left);
    }

    [Fact]
    public void PartialLast_gives_the_first_request_that_does_not_fit_the_rest_of_the_budget()
    {
        // 12,000 left of 15,000 asked is 80% ≥ 50%: partially funded; the later ones wait.
        var result = FourRequests(BudgetAllocationPolicy.PartialLast, 50m).Rank();

        Assert.Equal(
            [(ResultOutcome.Funded, 8_000m, null), (ResultOutcome.PartiallyFunded, 12_000m, null), (ResultOutcome.Waitlisted, 0m, 1), (ResultOutcome.Waitlisted, 0m, 2)],
            Outcomes(result));
        Assert.Equal((20_000m, 0m, 2), (result.Category(Idea).Used, result.Category(Idea).Left, result.Category(Idea).Funded));
    }

    [Fact]
    public void PartialLast_waitlists_when_the_rest_is_below_the_minimum_share_of_the_request()
    {
        // 12,000 of 15,000 is 80% < 90%.
        var result = FourRequests(BudgetAllocationPolicy.PartialLast, 90m).Rank();

        Assert.Equal(
            [(ResultOutcome.Funded, 8_000m, null), (ResultOutcome.Waitlisted, 0m, 1), (ResultOutcome.Waitlisted, 0m, 2), (ResultOutcome.Waitlisted, 0m, 3)],
            Outcomes(result));
    }

    [Fact]
    public void PartialLast_at_exactly_the_minimum_share_funds_in_part()
    {
        // 12,000 of 15,000 is exactly 80%.
        var result = FourRequests(BudgetAllocationPolicy.PartialLast, 80m).Rank();

        Assert.Equal(ResultOutcome.PartiallyFunded, result.Entry("R2").Outcome);
    }

    [Fact]
    public void A_budget_exhausted_exactly_funds_every_request_that_fits_and_leaves_nothing()
    {
        var result = new ResultsBuilder()
            .Budget(15_000m).Policy(BudgetAllocationPolicy.PartialLast, 0m)
            .Profile("R1").Scored("R1", 90).Profile("R2").Scored("R2", 85).Profile("R3").Scored("R3", 80)
            .Rank();

        Assert.Equal(
            [(ResultOutcome.Funded, 7_500m, null), (ResultOutcome.Funded, 7_500m, null), (ResultOutcome.Waitlisted, 0m, 1)],
            Outcomes(result));
        Assert.Equal((15_000m, 0m), (result.Category(Idea).Used, result.Category(Idea).Left));
        // Nothing left is not a partial award, even with a minimum of 0%.
        Assert.Contains("presupuesto restante S/ 0.00 < solicitado S/ 7,500.00", result.Entry("R3").Explanation);
    }

    [Fact]
    public void Rollover_adds_a_categorys_unspent_budget_to_the_next_one()
    {
        // IDEA: 20,000 funds two of 7,500 and leaves 5,000; RUN: 10,000 + 5,000 funds two of 7,500.
        var builder = new ResultsBuilder()
            .Category(Idea, 20_000m).Category(Running, 10_000m)
            .Profile("I1").Scored("I1", 90).Profile("I2").Scored("I2", 80)
            .Profile("M1", category: Running).Scored("M1", 90).Profile("M2", category: Running).Scored("M2", 80);

        var withRollover = builder.RollOver().Rank();

        Assert.Equal(new CategoryOutcome(Idea, 20_000m, 0m, 15_000m, 5_000m, 2, 2), withRollover.Category(Idea));
        Assert.Equal(new CategoryOutcome(Running, 10_000m, 5_000m, 15_000m, 0m, 2, 2), withRollover.Category(Running));
        Assert.Equal(ResultOutcome.Funded, withRollover.Entry("M2").Outcome);
    }

    [Fact]
    public void Without_rollover_unspent_budget_stays_in_its_category()
    {
        var result = new ResultsBuilder()
            .Category(Idea, 20_000m).Category(Running, 10_000m)
            .Profile("I1").Scored("I1", 90)
            .Profile("M1", category: Running).Scored("M1", 90).Profile("M2", category: Running).Scored("M2", 80)
            .Rank();

        Assert.Equal(0m, result.Category(Running).RolledOverIn);
        Assert.Equal((ResultOutcome.Waitlisted, 1), (result.Entry("M2").Outcome, result.Entry("M2").WaitlistPosition));
    }

    [Fact]
    public void Rollover_follows_the_rules_category_order_through_every_category()
    {
        // RUN comes first in the rules: its 10,000 is unused (no profile) and rolls into IDEA.
        var result = new ResultsBuilder()
            .Category(Running, 10_000m).Category(Idea, 5_000m).RollOver()
            .Profile("I1", 15_000m).Scored("I1", 90)
            .Rank();

        Assert.Equal([Running, Idea], result.Categories.Select(c => c.CategoryCode));
        Assert.Equal(10_000m, result.Category(Idea).RolledOverIn);
        Assert.Equal((ResultOutcome.Funded, 15_000m), (result.Entry("I1").Outcome, result.Entry("I1").Award));
    }

    [Fact]
    public void Awards_are_in_cents_and_never_more_than_the_request()
    {
        var result = new ResultsBuilder().Budget(10_000.005m).Profile("R1", 7_499.994m).Scored("R1", 90).Rank();

        Assert.Equal(7_499.99m, result.Entry("R1").Award);
        Assert.Equal(10_000.01m, result.Category(Idea).Budget);
        Assert.Equal(2_500.02m, result.Category(Idea).Left);
    }

    [Fact]
    public void Failed_and_incomplete_profiles_get_nothing_and_no_waitlist_position()
    {
        var result = new ResultsBuilder()
            .Profile("R1").Scored("R1", 60)
            .Profile("R2").Totals("R2", Field, 90)
            .Rank();

        Assert.All(result.Entries, e => Assert.Equal((0m, (int?)null), (e.Award, e.WaitlistPosition)));
        Assert.Equal(100_000m, result.Category(Idea).Left);
    }
}
