using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Profiles;

public sealed class ProfileRulesTests
{
    private const int CuyLine = 7;

    private static SubmissionRules Rules(decimal maxAward = 7_500m, decimal minCounterpart = 10m, decimal? technicalAssistanceCap = 40m) => new(
        maxAward, minCounterpart,
        technicalAssistanceCap is null ? new Dictionary<InvestmentCategory, decimal>() : new() { [InvestmentCategory.TechnicalAssistance] = technicalAssistanceCap.Value },
        MinHouseholds: 3, MaxHouseholds: 6, EligibleProductionLineIds: new HashSet<int> { CuyLine });

    private static readonly SubmissionContext OpenCall = new(Households: 4, ProductionLineId: CuyLine, CallOpen: true);

    private static IReadOnlyList<RuleViolation> Check(BusinessProfile profile, SubmissionRules? rules = null, SubmissionContext? context = null) =>
        ProfileRules.CheckSubmission(profile, rules ?? Rules(), context ?? OpenCall);

    /// <summary>S/ 7,500.00 from the fund and S/ 833.34 of counterpart: 10.0001% of S/ 8,333.34.</summary>
    private static ProfileBuilder Valid() => new ProfileBuilder()
        .Line(InvestmentCategory.Equipment, 4_500m)
        .Line(InvestmentCategory.TechnicalAssistance, 3_000m)
        .Line(InvestmentCategory.InputsAndMaterials, 833.34m, FinancedBy.CounterpartCash);

    [Fact]
    public void A_complete_profile_within_every_rule_has_no_violation() => Assert.Empty(Check(Valid().Build()));

    [Fact]
    public void A_request_exactly_at_the_maximum_award_is_accepted()
    {
        var profile = Valid().Build();

        Assert.Equal(7_500m, profile.Totals.FundRequest);
        Assert.DoesNotContain(Check(profile), v => v.Field == "FundRequest");
    }

    [Fact]
    public void A_request_one_cent_over_the_maximum_award_is_refused_with_both_amounts()
    {
        var profile = Valid().Line(InvestmentCategory.Equipment, 0.01m).Build();

        var violation = Assert.Single(Check(profile), v => v.Field == "FundRequest");

        Assert.Equal("Rules.RequestAboveMaxAward", violation.Rule);
        Assert.Equal([7_500.01m, 7_500m], violation.Arguments);
    }

    [Fact]
    public void A_counterpart_exactly_at_the_minimum_is_accepted()
    {
        // 1,000 of 10,000 is exactly 10%.
        var profile = new ProfileBuilder()
            .Line(InvestmentCategory.Equipment, 5_000m).Line(InvestmentCategory.Infrastructure, 4_000m)
            .Line(InvestmentCategory.InputsAndMaterials, 1_000m, FinancedBy.CounterpartInKind).Build();

        Assert.Equal(10m, profile.Totals.CounterpartPercent);
        Assert.DoesNotContain(Check(profile, Rules(maxAward: 9_000m)), v => v.Field == "Counterpart");
    }

    [Fact]
    public void A_counterpart_one_cent_under_the_minimum_is_refused()
    {
        var profile = new ProfileBuilder()
            .Line(InvestmentCategory.Equipment, 5_000m).Line(InvestmentCategory.Infrastructure, 4_000m)
            .Line(InvestmentCategory.InputsAndMaterials, 999.99m, FinancedBy.CounterpartInKind).Build();

        var violation = Assert.Single(Check(profile, Rules(maxAward: 9_000m)), v => v.Field == "Counterpart");

        Assert.Equal("Rules.CounterpartBelowMinimum", violation.Rule);
    }

    [Fact]
    public void Cash_and_in_kind_counterparts_add_up()
    {
        var profile = new ProfileBuilder()
            .Line(InvestmentCategory.Equipment, 9_000m)
            .Line(InvestmentCategory.Training, 500m, FinancedBy.CounterpartCash)
            .Line(InvestmentCategory.InputsAndMaterials, 500m, FinancedBy.CounterpartInKind).Build();

        Assert.Equal(1_000m, profile.Totals.Counterpart);
        Assert.Equal(10_000m, profile.Totals.TotalInvestment);
        Assert.DoesNotContain(Check(profile, Rules(maxAward: 9_000m)), v => v.Field == "Counterpart");
    }

    [Fact]
    public void Technical_assistance_exactly_at_its_cap_is_accepted_and_a_cent_more_is_refused()
    {
        var atCap = new ProfileBuilder().Line(InvestmentCategory.Equipment, 4_500m).Line(InvestmentCategory.TechnicalAssistance, 3_000m)
            .Line(InvestmentCategory.Other, 1_000m, FinancedBy.CounterpartCash).Build();
        var over = new ProfileBuilder().Line(InvestmentCategory.Equipment, 4_499.99m).Line(InvestmentCategory.TechnicalAssistance, 3_000.01m)
            .Line(InvestmentCategory.Other, 1_000m, FinancedBy.CounterpartCash).Build();

        Assert.Equal(40m, atCap.Totals.ShareOfFund(InvestmentCategory.TechnicalAssistance));
        Assert.DoesNotContain(Check(atCap), v => v.Field.StartsWith("Category.", StringComparison.Ordinal));
        var violation = Assert.Single(Check(over), v => v.Field == "Category.TechnicalAssistance");
        Assert.Equal("Rules.CategoryAboveCap", violation.Rule);
    }

    [Fact]
    public void Counterpart_lines_do_not_count_against_a_cap_on_the_fund_request()
    {
        var profile = new ProfileBuilder().Line(InvestmentCategory.Equipment, 6_000m)
            .Line(InvestmentCategory.TechnicalAssistance, 5_000m, FinancedBy.CounterpartCash).Build();

        Assert.DoesNotContain(Check(profile), v => v.Field.StartsWith("Category.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, "Rules.GroupTooSmall")]
    [InlineData(3, null)]
    [InlineData(6, null)]
    [InlineData(7, "Rules.GroupTooLarge")]
    public void Group_size_is_checked_at_both_limits(int households, string? rule)
    {
        var violations = Check(Valid().Build(), context: OpenCall with { Households = households });

        var sizeViolations = violations.Where(v => v.Field == "Group.Households").Select(v => v.Rule).ToList();
        Assert.Equal(rule is null ? [] : [rule], sizeViolations);
    }

    [Fact]
    public void A_production_line_outside_the_contest_is_refused() =>
        Assert.Contains(Check(Valid().Build(), context: OpenCall with { ProductionLineId = 99 }),
            v => v.Field == "Group.ProductionLine" && v.Rule == "Rules.LineNotEligible");

    [Fact]
    public void Every_empty_section_is_reported_next_to_itself()
    {
        var profile = Valid().WithoutSections().Build();
        profile.WriteSection(ProfileSection.Title, "Crianza de cuyes mejorados", Instants.Now);
        profile.WriteSection(ProfileSection.Summary, "   \n ", Instants.Now);

        var fields = Check(profile).Where(v => v.Rule == "Rules.SectionRequired").Select(v => v.Field).ToList();

        Assert.Equal(ProfileSections.All.Skip(1).Select(s => $"Section.{s}"), fields);
    }

    [Fact]
    public void A_plan_without_lines_is_refused_once_not_for_every_amount()
    {
        var violations = Check(new ProfileBuilder().Build());

        var violation = Assert.Single(violations);
        Assert.Equal(("InvestmentLines", "Rules.NoInvestmentLines"), (violation.Field, violation.Rule));
    }

    [Fact]
    public void A_plan_of_counterpart_only_asks_nothing_of_the_fund_and_is_refused()
    {
        var profile = new ProfileBuilder().Line(InvestmentCategory.Equipment, 1_000m, FinancedBy.CounterpartCash).Build();

        Assert.Contains(Check(profile), v => v.Rule == "Rules.NoFundRequest");
    }

    [Fact]
    public void A_closed_call_is_reported_along_with_every_other_problem()
    {
        var profile = new ProfileBuilder().WithoutSections().Build();

        var violations = Check(profile, context: new SubmissionContext(Households: 2, ProductionLineId: 99, CallOpen: false));

        Assert.Contains(violations, v => v.Rule == "Rules.CallClosed");
        Assert.Contains(violations, v => v.Rule == "Rules.NoInvestmentLines");
        Assert.Contains(violations, v => v.Rule == "Rules.GroupTooSmall");
        Assert.Contains(violations, v => v.Rule == "Rules.LineNotEligible");
        Assert.Equal(ProfileSections.All.Count, violations.Count(v => v.Rule == "Rules.SectionRequired"));
    }

    [Fact]
    public void Line_totals_round_to_cents_half_away_from_zero()
    {
        var profile = new ProfileBuilder().Line(InvestmentCategory.InputsAndMaterials, 3m, 33.33m, FinancedBy.Fund)
            .Line(InvestmentCategory.InputsAndMaterials, 2.5m, 0.05m, FinancedBy.Fund).Build();

        Assert.Equal([99.99m, 0.13m], profile.Lines.Select(l => l.Total));
        Assert.Equal(100.12m, profile.Totals.FundRequest);
    }
}
