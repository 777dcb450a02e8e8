using CsCheck;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;

namespace HakuWinay.Contests.Tests.Disbursements;

public sealed class TrancheScheduleTests
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static readonly TrancheRule[] SeventyThirty =
    [
        new(70m, TrancheTrigger.AgreementSigned),
        new(30m, TrancheTrigger.FollowUpApprovedAndAccounted, 70m),
    ];

    private static TrancheRule[] Plan(params decimal[] percents) =>
        percents.Select((p, i) => new TrancheRule(p, i == 0 ? TrancheTrigger.AgreementSigned : TrancheTrigger.FollowUpApprovedAndAccounted)).ToArray();

    [Theory]
    [InlineData("7333.33", "5133.33", "2200.00")]
    [InlineData("0.01", "0.01", "0.00")]
    [InlineData("19340.00", "13538.00", "5802.00")]
    [InlineData("4999.99", "3499.99", "1500.00")]
    [InlineData("10000", "7000", "3000")]
    public void Seventy_thirty_split_adds_up_exactly_to_the_award(string award, string first, string second)
    {
        var amounts = TrancheSchedule.Split(decimal.Parse(award, Inv), SeventyThirty);

        Assert.Equal([decimal.Parse(first, Inv), decimal.Parse(second, Inv)], amounts);
        Assert.Equal(decimal.Parse(award, Inv), amounts.Sum());
    }

    [Fact]
    public void Three_tranche_plan_40_30_30_adds_up_exactly()
    {
        var amounts = TrancheSchedule.Split(7333.33m, Plan(40m, 30m, 30m));

        Assert.Equal([2933.33m, 2200.00m, 2200.00m], amounts);
        Assert.Equal(7333.33m, amounts.Sum());
    }

    [Fact]
    public void Three_tranche_plan_in_thirds_gives_the_remainder_to_the_last()
    {
        var amounts = TrancheSchedule.Split(10000.00m, Plan(33.33m, 33.33m, 33.34m));

        Assert.Equal([3333.00m, 3333.00m, 3334.00m], amounts);
        Assert.Equal(10000.00m, amounts.Sum());
    }

    [Fact]
    public void Awkward_award_in_thirds_adds_up_exactly()
    {
        var amounts = TrancheSchedule.Split(0.05m, Plan(33.33m, 33.33m, 33.34m));

        Assert.Equal([0.02m, 0.02m, 0.01m], amounts);
        Assert.Equal(0.05m, amounts.Sum());
    }

    [Fact]
    public void Single_tranche_plan_pays_the_whole_award()
    {
        Assert.Equal([4999.99m], TrancheSchedule.Split(4999.99m, Plan(100m)));
    }

    [Fact]
    public void Tiny_award_in_many_tranches_never_takes_more_than_is_left()
    {
        var amounts = TrancheSchedule.Split(0.02m, Plan(25m, 25m, 25m, 25m));

        Assert.Equal([0.01m, 0.01m, 0.00m, 0.00m], amounts);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    [InlineData("100.001")]
    public void Award_that_is_not_a_positive_amount_in_cents_is_refused(string award)
    {
        var error = Assert.Throws<ArgumentException>(() => TrancheSchedule.Split(decimal.Parse(award, Inv), SeventyThirty));
        Assert.Contains("award", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_plan_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TrancheSchedule.Split(1000m, []));
        Assert.Contains("at least one tranche", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("70", "20")]
    [InlineData("70", "40")]
    public void Plan_whose_percents_do_not_add_up_to_100_is_refused(string first, string second)
    {
        var error = Assert.Throws<ArgumentException>(() => TrancheSchedule.Split(1000m, Plan(decimal.Parse(first, Inv), decimal.Parse(second, Inv))));
        Assert.Contains("add up to 100%", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    public void Tranche_with_a_percent_not_above_zero_is_refused(string percent)
    {
        var error = Assert.Throws<ArgumentException>(() => TrancheSchedule.Split(1000m, Plan(110m - decimal.Parse(percent, Inv) - 10m, decimal.Parse(percent, Inv))));
        Assert.Contains("more than 0%", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A random award in cents and a random plan of one to five tranches whose percents (two decimals) add up to 100.</summary>
    private static readonly Gen<(decimal Award, TrancheRule[] Plan)> AwardAndPlan =
        from cents in Gen.Long[1, 100_000_000]
        from count in Gen.Int[1, 5]
        from cuts in Gen.Int[1, 9_999].Array[count - 1]
        select (cents / 100m, PlanFromCuts(cuts));

    private static TrancheRule[] PlanFromCuts(int[] cuts)
    {
        // Distinct cut points in hundredths of a percent give positive percents that add up to 100.
        var points = cuts.Distinct().Order().Prepend(0).Append(10_000).ToArray();
        return Plan(points.Zip(points.Skip(1), (a, b) => (b - a) / 100m).ToArray());
    }

    [Fact]
    public void Random_awards_and_plans_add_up_exactly_and_no_tranche_is_negative()
    {
        AwardAndPlan.Sample(sample =>
        {
            var amounts = TrancheSchedule.Split(sample.Award, sample.Plan);

            Assert.Equal(sample.Plan.Length, amounts.Count);
            Assert.Equal(sample.Award, amounts.Sum());
            Assert.All(amounts, a => Assert.True(a >= 0m, $"{a} is negative"));
            Assert.All(amounts, a => Assert.Equal(Math.Round(a, 2), a));
        }, iter: 5_000);
    }
}
