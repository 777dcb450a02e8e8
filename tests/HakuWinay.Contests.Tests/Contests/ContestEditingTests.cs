using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestEditingTests
{
    private static Contest Draft() => new ContestBuilder().WithCategory("IDEA").WithCategory("MARCHA", 193_400m, 19_340m).Build();

    private static Contest Locked()
    {
        var contest = new ContestBuilder().OpenFor(TimeSpan.FromDays(5)).Published().Build();
        contest.NextProfileCode(Instants.Now);
        return contest;
    }

    [Fact]
    public void A_category_is_revised_in_place()
    {
        var contest = Draft();
        var idea = contest.Categories[0];

        contest.ReviseCategory(idea, "IDEA-2", "Idea nueva", 100_000m, 10_000m);

        Assert.Equal(("IDEA-2", "Idea nueva", 100_000m, 10_000m), (idea.Code, idea.Name, idea.Budget, idea.MaxAward));
    }

    [Theory]
    [InlineData(10_000, 10_000, true)]
    [InlineData(10_000, 10_000.01, false)]
    public void The_maximum_award_may_equal_the_budget_but_not_exceed_it(decimal budget, decimal maxAward, bool allowed)
    {
        var contest = Draft();

        var ex = Record.Exception(() => contest.ReviseCategory(contest.Categories[0], "IDEA", "Idea", budget, maxAward));

        Assert.Equal(allowed, ex is null);
        if (!allowed)
        {
            Assert.Equal(("Category.IDEA.MaxAward", "ContestRules.MaxAwardAboveBudget"), (((ContestRuleException)ex!).Violation.Field, ((ContestRuleException)ex).Violation.Rule));
            Assert.Equal(7_500m, contest.Categories[0].MaxAward);
        }
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(2_000_000_000, 1)]
    [InlineData(100, 0.005)]
    public void Absurd_amounts_are_refused(decimal budget, decimal maxAward) =>
        Assert.Throws<ContestRuleException>(() => Draft().AddCategory("OTRA", "Otra", budget, maxAward));

    [Fact]
    public void Renaming_a_category_to_another_ones_code_is_refused()
    {
        var contest = Draft();

        Assert.Throws<ContestRuleException>(() => contest.ReviseCategory(contest.Categories[1], "idea", "Marcha", 193_400m, 19_340m));
        Assert.Equal("MARCHA", contest.Categories[1].Code);
    }

    [Fact]
    public void Removing_a_category_renumbers_the_rest()
    {
        var contest = Draft();

        contest.RemoveCategory(contest.Categories[0]);

        Assert.Equal(("MARCHA", 1), (contest.Categories.Single().Code, contest.Categories.Single().Order));
    }

    [Fact]
    public void Categories_are_reordered_and_a_partial_order_is_refused()
    {
        var contest = Draft();
        var (idea, marcha) = (contest.Categories[0], contest.Categories[1]);

        contest.OrderCategories([marcha, idea]);

        Assert.Equal([("MARCHA", 1), ("IDEA", 2)], contest.Categories.Select(c => (c.Code, c.Order)));
        Assert.Throws<ArgumentException>(() => contest.OrderCategories([idea]));
        Assert.Throws<ArgumentException>(() => contest.OrderCategories([idea, idea]));
    }

    [Fact]
    public void Stages_and_criteria_are_added_revised_reordered_and_removed()
    {
        var contest = Draft();
        var campo = contest.AddStage("CAMPO", "Campo", 60, 3);
        var publica = contest.AddStage("PUBLICA", "Pública", 40, 5);
        var c1 = contest.AddCriterion(campo, "C1", "Asistencia", "**Rúbrica**", 20, 50);
        var c2 = contest.AddCriterion(campo, "C2", "Gestión", "", 20, 50);

        contest.ReviseCriterion(campo, c2, "C2", "Gestión del grupo", "Nueva rúbrica", 25, 50);
        contest.OrderCriteria(campo, [c2, c1]);
        contest.OrderStages([publica, campo]);
        contest.ReviseStage(campo, "CAMPO", "Evaluación de campo", 60, 2);

        Assert.Equal(["PUBLICA", "CAMPO"], contest.Stages.Select(s => s.Code));
        Assert.Equal([("C2", 1), ("C1", 2)], campo.Criteria.Select(c => (c.Code, c.Order)));
        Assert.Equal(("Gestión del grupo", "Nueva rúbrica", 25m), (c2.Name, c2.RubricMarkdown, c2.MaxPoints));
        Assert.Equal(2, campo.JurorsPerProfile);

        contest.RemoveCriterion(campo, c2);
        Assert.Equal(("C1", 1), (campo.Criteria.Single().Code, campo.Criteria.Single().Order));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-5, 10)]
    [InlineData(1001, 10)]
    [InlineData(10, 0)]
    [InlineData(10, 100.5)]
    public void Criterion_points_and_weights_outside_their_range_are_refused(decimal maxPoints, decimal weight)
    {
        var contest = Draft();
        var stage = contest.AddStage("CAMPO", "Campo", 100, 3);

        Assert.Throws<ContestRuleException>(() => contest.AddCriterion(stage, "C1", "Criterio", "", maxPoints, weight));
        Assert.Empty(stage.Criteria);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void Jurors_per_profile_outside_1_to_15_are_refused(int jurors) =>
        Assert.Throws<ContestRuleException>(() => Draft().AddStage("CAMPO", "Campo", 50, jurors));

    [Fact]
    public void Duplicate_stage_and_criterion_codes_are_refused()
    {
        var contest = Draft();
        var stage = contest.AddStage("CAMPO", "Campo", 50, 3);
        contest.AddCriterion(stage, "C1", "Uno", "", 10, 50);

        Assert.Throws<ContestRuleException>(() => contest.AddStage("campo", "Otra", 50, 3));
        Assert.Throws<ContestRuleException>(() => contest.AddCriterion(stage, "c1", "Otro", "", 10, 50));
    }

    [Fact]
    public void Eligible_lines_are_set_as_a_whole()
    {
        var contest = Draft();
        contest.SetEligibleLines([1, 2, 3]);

        contest.SetEligibleLines([3, 4, 4]);

        Assert.Equal([3, 4], contest.EligibleLines.Select(l => l.ProductionLineId).Order());
    }

    [Fact]
    public void A_cap_is_changed_in_place_and_removed_with_null()
    {
        var contest = Draft();
        contest.CapInvestment(InvestmentCategory.TechnicalAssistance, 40);

        contest.CapInvestment(InvestmentCategory.TechnicalAssistance, 35);
        Assert.Equal(35m, contest.InvestmentCaps.Single().MaxPercentOfFund);

        contest.CapInvestment(InvestmentCategory.TechnicalAssistance, null);
        Assert.Empty(contest.InvestmentCaps);
    }

    [Fact]
    public void Checklist_items_are_revised_removed_and_reordered()
    {
        var contest = Draft();
        var a = contest.AddChecklistItem("Hogares presentes");
        var b = contest.AddChecklistItem("Contrapartida");

        contest.ReviseChecklistItem(a, "  Hogares presentes con DNI ");
        contest.OrderChecklist([b, a]);
        Assert.Equal([("Contrapartida", 1), ("Hogares presentes con DNI", 2)], contest.EligibilityChecklist.Select(i => (i.Text, i.Order)));

        contest.RemoveChecklistItem(b);
        Assert.Equal(("Hogares presentes con DNI", 1), (contest.EligibilityChecklist.Single().Text, contest.EligibilityChecklist.Single().Order));
        Assert.Throws<ContestRuleException>(() => contest.ReviseChecklistItem(a, new string('x', 301)));
        Assert.Throws<ContestRuleException>(() => contest.ReviseChecklistItem(a, "  "));
    }

    [Theory]
    [InlineData("AYA 2026")]
    [InlineData("AYA/2026")]
    [InlineData("-AYA")]
    [InlineData("<script>")]
    public void A_code_with_other_than_letters_digits_and_hyphens_is_refused(string code) =>
        Assert.Throws<ContestRuleException>(() => new ContestBuilder().WithCode(code).Build());

    [Fact]
    public void A_code_over_40_characters_is_refused() =>
        Assert.Throws<ContestRuleException>(() => new ContestBuilder().WithCode(new string('A', 41)).Build());

    [Fact]
    public void Codes_are_kept_in_capitals()
    {
        var contest = Draft();

        contest.Recode(" aya-2027-01 ");

        Assert.Equal("AYA-2027-01", contest.Code);
    }

    [Fact]
    public void The_code_is_fixed_once_published_but_the_title_and_bases_are_not()
    {
        var contest = new ContestBuilder().Published().Build();

        var ex = Assert.Throws<ContestRuleException>(() => contest.Recode("OTRO-01"));
        contest.Retitle("Nuevo título");
        contest.WriteBases("Bases corregidas");

        Assert.Equal("ContestRules.CodeFixedAfterPublication", ex.Violation.Rule);
        Assert.Equal(("Nuevo título", "Bases corregidas"), (contest.Title, contest.BasesMarkdown));
    }

    [Fact]
    public void A_territory_whose_district_is_outside_its_province_is_refused()
    {
        var contest = Draft();

        Assert.Throws<ContestRuleException>(() => contest.LocateIn("05", "0501", "060101"));
        Assert.Throws<ContestRuleException>(() => contest.LocateIn("05", null, "050101"));
        contest.LocateIn("05", "0501", "050101");
        Assert.Equal("050101", contest.DistrictCode);
    }

    [Fact]
    public void Once_a_profile_is_submitted_every_outcome_rule_is_locked()
    {
        var contest = Locked();
        var stage = contest.Stages[0];
        var before = (contest.PassMark, contest.Categories[0].MaxAward, contest.Evaluation, contest.Tranches.Count);

        Assert.All(new Action[]
        {
            () => contest.AddCategory("OTRA", "Otra", 10, 1),
            () => contest.ReviseCategory(contest.Categories[0], "IDEA", "Idea", 120_000m, 8_000m),
            () => contest.RemoveCategory(contest.Categories[0]),
            () => contest.AddStage("OTRA", "Otra", 10, 1),
            () => contest.ReviseStage(stage, stage.Code, stage.Name, 40, 3),
            () => contest.RemoveStage(stage),
            () => contest.AddCriterion(stage, "C9", "Otro", "", 10, 10),
            () => contest.ReviseCriterion(stage, stage.Criteria[0], "C1", "Uno", "", 50, 60),
            () => contest.SetPassMark(60),
            () => contest.SetGroupSize(2, 8),
            () => contest.SetMinCounterpart(5),
            () => contest.CapInvestment(InvestmentCategory.Training, 10),
            () => contest.SetEligibleLines([1, 2]),
            () => contest.ConfigureEvaluation(EvaluationSettings.Default with { Aggregation = ScoreAggregation.Median }),
            () => contest.SetTieBreakers([]),
            () => contest.SetPriorityRules([new(PriorityKind.Juntos, 50, 5)]),
            () => contest.PlanDisbursement([new(100, TrancheTrigger.AgreementSigned)]),
        }, edit => Assert.Throws<InvalidOperationException>(edit));
        Assert.Equal(before, (contest.PassMark, contest.Categories[0].MaxAward, contest.Evaluation, contest.Tranches.Count));
    }

    [Fact]
    public void Texts_checklist_and_follow_up_stay_editable_after_the_lock()
    {
        var contest = Locked();

        contest.Retitle("Título corregido");
        contest.WriteBases("Bases con una fe de erratas");
        contest.AddChecklistItem("Nuevo punto");
        contest.PlanFollowUp([45, 120]);

        Assert.Equal([45, 120], contest.FollowUpVisits.Select(v => v.DaysAfterFirstPayment));
    }

    [Fact]
    public void An_archived_contest_refuses_every_edit()
    {
        var contest = new ContestBuilder().OpenFor(TimeSpan.FromDays(1)).Published().Build();
        var later = Instants.Now.AddDays(2);
        contest.SyncWithClock(later);
        foreach (var step in new[] { ContestTransition.StartEvaluation, ContestTransition.PublishResults, ContestTransition.StartExecution, ContestTransition.Archive })
        {
            contest.Advance(step, later);
        }

        Assert.Throws<InvalidOperationException>(() => contest.Retitle("Otro"));
        Assert.Throws<InvalidOperationException>(() => contest.AddChecklistItem("Otro"));
        Assert.Throws<InvalidOperationException>(() => contest.PlanFollowUp([10]));
    }
}
