using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestSettingsTests
{
    private static Contest Draft()
    {
        var contest = new ContestBuilder().Build();
        ContestBuilder.MakePublishable(contest);
        return contest;
    }

    [Fact]
    public void A_new_contest_has_the_default_settings_and_plans()
    {
        var contest = new ContestBuilder().Build();

        Assert.Equal(EvaluationSettings.Default, contest.Evaluation);
        Assert.Equal((ScoreAggregation.Mean, ScoreGranularity.WholePoints, BudgetAllocationPolicy.SkipToFit, false),
            (contest.Evaluation.Aggregation, contest.Evaluation.Granularity, contest.Evaluation.Allocation, contest.Evaluation.RollOverUnspentBudget));
        Assert.Equal([(70m, TrancheTrigger.AgreementSigned, (decimal?)null), (30m, TrancheTrigger.FollowUpApprovedAndAccounted, 70m)],
            contest.Tranches.Select(t => (t.Percent, t.Trigger, t.RequiredAccountedPercent)));
        Assert.Equal([30, 90, 180], contest.FollowUpVisits.Select(v => v.DaysAfterFirstPayment));
        Assert.Equal(Contest.DefaultTieBreakers, contest.TieBreakers.Select(t => t.Rule));
        Assert.Empty(contest.PriorityRules);
    }

    [Fact]
    public void Partial_last_allocation_needs_a_minimum_share_of_the_request()
    {
        var contest = Draft();

        Assert.Throws<ContestRuleException>(() => contest.ConfigureEvaluation(EvaluationSettings.Default with { Allocation = BudgetAllocationPolicy.PartialLast }));
        Assert.Throws<ContestRuleException>(() => contest.ConfigureEvaluation(
            EvaluationSettings.Default with { Allocation = BudgetAllocationPolicy.PartialLast, PartialAwardMinimumPercent = 100.01m }));
        contest.ConfigureEvaluation(EvaluationSettings.Default with { Allocation = BudgetAllocationPolicy.PartialLast, PartialAwardMinimumPercent = 60, RollOverUnspentBudget = true });

        Assert.Equal((BudgetAllocationPolicy.PartialLast, 60m, true),
            (contest.Evaluation.Allocation, contest.Evaluation.PartialAwardMinimumPercent, contest.Evaluation.RollOverUnspentBudget));
    }

    [Fact]
    public void Other_allocation_policies_drop_the_partial_minimum()
    {
        var contest = Draft();

        contest.ConfigureEvaluation(new(ScoreAggregation.TrimmedMean, ScoreGranularity.HalfPoints, BudgetAllocationPolicy.StrictOrder, 50, false));

        Assert.Null(contest.Evaluation.PartialAwardMinimumPercent);
        Assert.Equal(ScoreGranularity.HalfPoints, contest.Evaluation.Granularity);
    }

    [Fact]
    public void Unknown_enum_values_are_refused() =>
        Assert.Throws<ContestRuleException>(() => Draft().ConfigureEvaluation(EvaluationSettings.Default with { Aggregation = (ScoreAggregation)9 }));

    [Fact]
    public void Tie_breakers_keep_their_order_and_drop_targets_their_kind_does_not_use()
    {
        var contest = Draft();

        contest.SetTieBreakers([
            new(TieBreakerKind.HigherCriterionMean, " CAMPO ", " C1 "),
            new(TieBreakerKind.HigherStageScore, "PUBLICA", "C2"),
            new(TieBreakerKind.EarlierSubmission, "CAMPO"),
        ]);

        Assert.Equal(
            [new TieBreakerRule(TieBreakerKind.HigherCriterionMean, "CAMPO", "C1"), new(TieBreakerKind.HigherStageScore, "PUBLICA"), new(TieBreakerKind.EarlierSubmission)],
            contest.TieBreakers.OrderBy(t => t.Order).Select(t => t.Rule));
    }

    [Theory]
    [InlineData(TieBreakerKind.HigherStageScore, null, null)]
    [InlineData(TieBreakerKind.HigherCriterionMean, "CAMPO", null)]
    [InlineData(TieBreakerKind.HigherCriterionMean, null, "C1")]
    public void A_tie_breaker_by_stage_or_criterion_must_name_it(TieBreakerKind kind, string? stage, string? criterion)
    {
        var contest = Draft();

        var ex = Assert.Throws<ContestRuleException>(() => contest.SetTieBreakers([new(kind, stage, criterion)]));

        Assert.Equal(("TieBreaker.1", "ContestRules.TieBreakerNeedsTarget"), (ex.Violation.Field, ex.Violation.Rule));
        Assert.Equal(Contest.DefaultTieBreakers, contest.TieBreakers.Select(t => t.Rule));
    }

    [Fact]
    public void The_same_tie_breaker_twice_is_refused() =>
        Assert.Throws<ContestRuleException>(() => Draft().SetTieBreakers([new(TieBreakerKind.EarlierSubmission), new(TieBreakerKind.EarlierSubmission)]));

    [Theory]
    [InlineData(0, 5)]
    [InlineData(100.5, 5)]
    [InlineData(50, 0)]
    [InlineData(50, 20.5)]
    public void Priority_rules_outside_their_ranges_are_refused(decimal threshold, decimal bonus) =>
        Assert.Throws<ContestRuleException>(() => Draft().SetPriorityRules([new(PriorityKind.WomenHeaded, threshold, bonus)]));

    [Fact]
    public void Priority_rules_are_one_per_kind()
    {
        var contest = Draft();

        Assert.Throws<ContestRuleException>(() => contest.SetPriorityRules([new(PriorityKind.Juntos, 50, 5), new(PriorityKind.Juntos, 30, 2)]));
        contest.SetPriorityRules([new(PriorityKind.Juntos, 50, 5), new(PriorityKind.WomenHeaded, 50, 3), new(PriorityKind.Youth, 100, 20)]);

        Assert.Equal([PriorityKind.WomenHeaded, PriorityKind.Youth, PriorityKind.Juntos], contest.PriorityRules.Select(p => p.Kind));
    }

    [Fact]
    public void A_follow_up_tranche_defaults_to_70_percent_of_the_previous_accounted_for()
    {
        var contest = Draft();

        contest.PlanDisbursement([new(50, TrancheTrigger.AgreementSigned, 99), new(25, TrancheTrigger.FollowUpApprovedAndAccounted), new(25, TrancheTrigger.FollowUpApprovedAndAccounted, 100)]);

        Assert.Equal([null, 70m, 100m], contest.Tranches.Select(t => t.RequiredAccountedPercent));
        Assert.Empty(contest.Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(100.01)]
    public void A_tranche_percent_outside_0_to_100_is_refused(decimal percent) =>
        Assert.Throws<ContestRuleException>(() => Draft().PlanDisbursement([new(percent, TrancheTrigger.AgreementSigned)]));

    [Fact]
    public void The_first_tranche_cannot_wait_for_a_previous_one() =>
        Assert.Throws<ContestRuleException>(() => Draft().PlanDisbursement([new(100, TrancheTrigger.FollowUpApprovedAndAccounted)]));

    [Theory]
    [InlineData(new[] { 30, 30 })]
    [InlineData(new[] { 90, 30 })]
    [InlineData(new[] { 0, 30 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 30, 4000 })]
    public void Visit_offsets_must_be_positive_and_strictly_increasing(int[] days)
    {
        var contest = Draft();

        Assert.Throws<ContestRuleException>(() => contest.PlanFollowUp(days));
        Assert.Equal([30, 90, 180], contest.FollowUpVisits.Select(v => v.DaysAfterFirstPayment));
    }

    [Fact]
    public void A_clone_copies_every_decision_but_not_the_identity_dates_status_counters_or_lock()
    {
        var source = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").WithCategory("MARCHA", 193_400m, 19_340m)
            .OpenFor(TimeSpan.FromDays(5)).Published().Build();
        source.LocateIn("05", "0501", "050101");
        source.SetGroupSize(4, 8);
        source.SetMinCounterpart(15);
        source.CapInvestment(HakuWinay.Contests.Profiles.InvestmentCategory.TechnicalAssistance, 40);
        source.AddChecklistItem("Hogares presentes");
        source.SetPassMark(65);
        source.ConfigureEvaluation(new(ScoreAggregation.Median, ScoreGranularity.HalfPoints, BudgetAllocationPolicy.PartialLast, 50, true));
        source.SetTieBreakers([new(TieBreakerKind.HigherStageScore, "PUBLICA"), new(TieBreakerKind.EarlierSubmission)]);
        source.SetPriorityRules([new(PriorityKind.Juntos, 50, 5)]);
        source.PlanDisbursement([new(60, TrancheTrigger.AgreementSigned), new(40, TrancheTrigger.FollowUpApprovedAndAccounted, 80)]);
        source.PlanFollowUp([15, 60]);
        source.NextProfileCode(Instants.Now);
        var timeline = new ContestBuilder(Instants.Now.AddDays(365)).Timeline();

        var clone = Contest.CloneOf(source, "AYA-2027-01", "Concurso 2027", timeline, Instants.Now);

        Assert.Equal(("AYA-2027-01", "Concurso 2027", timeline, ContestStatus.Draft), (clone.Code, clone.Title, clone.Timeline, clone.Status));
        Assert.Equal((0, (DateTime?)null, (DateTime?)null), (clone.LastProfileNumber, clone.RulesLockedAtUtc, clone.PublishedAtUtc));
        Assert.Equal((source.RegionCode, source.ProvinceCode, source.DistrictCode, source.BasesMarkdown),
            (clone.RegionCode, clone.ProvinceCode, clone.DistrictCode, clone.BasesMarkdown));
        Assert.Equal(source.Categories.Select(c => (c.Code, c.Name, c.Budget, c.MaxAward, c.Order)), clone.Categories.Select(c => (c.Code, c.Name, c.Budget, c.MaxAward, c.Order)));
        Assert.Equal(source.EligibleLines.Select(l => l.ProductionLineId), clone.EligibleLines.Select(l => l.ProductionLineId));
        Assert.Equal((4, 8, 15m, 65m), (clone.MinHouseholds, clone.MaxHouseholds, clone.MinCounterpartPercent, clone.PassMark));
        Assert.Equal(source.InvestmentCaps.Select(c => (c.Category, c.MaxPercentOfFund)), clone.InvestmentCaps.Select(c => (c.Category, c.MaxPercentOfFund)));
        Assert.Equal(["Hogares presentes"], clone.EligibilityChecklist.Select(i => i.Text));
        Assert.Equal(source.Stages.Select(s => (s.Code, s.Name, s.Weight, s.JurorsPerProfile)), clone.Stages.Select(s => (s.Code, s.Name, s.Weight, s.JurorsPerProfile)));
        Assert.Equal(source.Stages.SelectMany(s => s.Criteria).Select(c => (c.Code, c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight, c.Order)),
            clone.Stages.SelectMany(s => s.Criteria).Select(c => (c.Code, c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight, c.Order)));
        Assert.Equal(source.Evaluation, clone.Evaluation);
        Assert.Equal(source.TieBreakers.Select(t => t.Rule), clone.TieBreakers.Select(t => t.Rule));
        Assert.Equal(source.PriorityRules.Select(p => p.Rule), clone.PriorityRules.Select(p => p.Rule));
        Assert.Equal(source.Tranches.Select(t => t.Rule), clone.Tranches.Select(t => t.Rule));
        Assert.Equal([15, 60], clone.FollowUpVisits.Select(v => v.DaysAfterFirstPayment));
        Assert.False(clone.RulesLocked);
    }
}
