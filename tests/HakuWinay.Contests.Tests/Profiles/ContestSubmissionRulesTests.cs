using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Profiles;

public sealed class ContestSubmissionRulesTests
{
    [Fact]
    public void Profile_codes_are_numbered_from_one_with_three_digits_after_the_contest_code()
    {
        var contest = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").Build();

        var codes = Enumerable.Range(0, 17).Select(_ => contest.NextProfileCode(Instants.Now)).ToList();

        Assert.Equal("AYA-2026-01-001", codes[0]);
        Assert.Equal("AYA-2026-01-017", codes[^1]);
    }

    [Fact]
    public void The_first_submission_locks_the_rules_that_decide_outcomes()
    {
        var contest = new ContestBuilder().WithCategory("IDEA").Build();
        contest.SetMinCounterpart(15m);

        contest.NextProfileCode(Instants.Now);

        Assert.Equal(Instants.Now, contest.RulesLockedAtUtc);
        Assert.Throws<InvalidOperationException>(() => contest.SetMinCounterpart(5m));
        Assert.Throws<InvalidOperationException>(() => contest.SetGroupSize(2, 8));
        Assert.Throws<InvalidOperationException>(() => contest.CapInvestment(InvestmentCategory.TechnicalAssistance, 50m));
        Assert.Throws<InvalidOperationException>(() => contest.AddCategory("MARCHA", "Negocio en marcha", 100_000m, 19_340m));
        Assert.Throws<InvalidOperationException>(() => contest.AddStage("OTRA", "Otra", 10m, 1));
        Assert.Throws<InvalidOperationException>(() => contest.MakeEligible(42));
        Assert.Equal(15m, contest.MinCounterpartPercent);
    }

    [Fact]
    public void The_submission_rules_carry_the_categorys_maximum_and_the_contests_limits()
    {
        var contest = new ContestBuilder().WithCategory("IDEA", maxAward: 7_500m).WithCategory("MARCHA", maxAward: 19_340m).Build();
        contest.SetGroupSize(4, 5);
        contest.SetMinCounterpart(12.5m);
        contest.CapInvestment(InvestmentCategory.TechnicalAssistance, 40m);
        contest.MakeEligible(3);

        var rules = contest.SubmissionRulesFor(contest.Categories[1]);

        Assert.Equal(19_340m, rules.MaxAward);
        Assert.Equal((4, 5, 12.5m), (rules.MinHouseholds, rules.MaxHouseholds, rules.MinCounterpartPercent));
        Assert.Equal(40m, rules.MaxShareOfFund[InvestmentCategory.TechnicalAssistance]);
        Assert.Equal([3], rules.EligibleProductionLineIds);
    }

    [Theory]
    [InlineData(0, 6)]
    [InlineData(5, 4)]
    [InlineData(3, 51)]
    public void Impossible_group_sizes_are_refused(int min, int max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContestBuilder().Build().SetGroupSize(min, max));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    public void A_counterpart_or_cap_outside_0_to_100_percent_is_refused(decimal percent)
    {
        var contest = new ContestBuilder().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => contest.SetMinCounterpart(percent));
        Assert.Throws<ArgumentOutOfRangeException>(() => contest.CapInvestment(InvestmentCategory.Training, percent));
    }
}
