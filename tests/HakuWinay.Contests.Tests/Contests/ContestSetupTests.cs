using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestSetupTests
{
    [Fact]
    public void Contest_from_a_template_copies_its_stages_and_criteria_in_order()
    {
        var template = new TemplateBuilder("CLAR-DOS-ETAPAS", passMark: 70)
            .WithStage("CAMPO", 50, 2, ("ASIST", 20), ("GESTION", 20), ("MUJERES", 15), ("COHER", 20), ("COFIN", 15), ("CRONO", 10))
            .WithStage("PUBLICA", 50, 3, ("CLARIDAD", 30), ("TERRIT", 25), ("IDENT", 20), ("PARTIC", 25))
            .Build();

        var contest = Contest.FromTemplate(template, "HW-2026-AYA", "Concurso Ayacucho 2026", "05", new ContestBuilder().Timeline(), Instants.Now);

        Assert.Equal("CLAR-DOS-ETAPAS", contest.TemplateCode);
        Assert.Equal(70, contest.PassMark);
        Assert.Equal(ContestStatus.Draft, contest.Status);
        Assert.Equal(["CAMPO", "PUBLICA"], contest.Stages.Select(s => s.Code));
        Assert.Equal([1, 2], contest.Stages.Select(s => s.Order));
        Assert.Equal([50m, 50m], contest.Stages.Select(s => s.Weight));
        Assert.Equal([2, 3], contest.Stages.Select(s => s.JurorsPerProfile));
        for (var i = 0; i < template.Stages.Count; i++)
        {
            var expected = template.Stages[i].Criteria;
            var copied = contest.Stages[i].Criteria;
            Assert.Equal(expected.Select(c => c.Code), copied.Select(c => c.Code));
            Assert.Equal(Enumerable.Range(1, expected.Count), copied.Select(c => c.Order));
            Assert.Equal(expected.Select(c => (c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight)),
                copied.Select(c => (c.Name, c.RubricMarkdown, c.MaxPoints, c.Weight)));
        }
    }

    [Fact]
    public void Contest_keeps_its_copy_when_the_template_changes_later()
    {
        var template = new TemplateBuilder().WithStage("CAMPO", 100, 2, ("ASIST", 100)).Build();
        var contest = Contest.FromTemplate(template, "HW-1", "Concurso", "05", new ContestBuilder().Timeline(), Instants.Now);

        template.ClearStages();
        template.AddStage("OTRA", "Otra etapa", 100, 1);

        Assert.Equal("CAMPO", Assert.Single(contest.Stages).Code);
    }

    [Fact]
    public void Categories_are_numbered_in_the_order_they_are_added()
    {
        var contest = new ContestBuilder().WithCategory("IDEA").WithCategory("MARCHA", budget: 193_400m, maxAward: 19_340m).Build();

        Assert.Equal(["IDEA", "MARCHA"], contest.Categories.Select(c => c.Code));
        Assert.Equal([1, 2], contest.Categories.Select(c => c.Order));
        Assert.Equal(19_340m, contest.Categories[1].MaxAward);
    }

    [Fact]
    public void Category_with_a_code_already_used_is_refused()
    {
        var contest = new ContestBuilder().WithCategory("IDEA").Build();

        Assert.Throws<ContestRuleException>(() => contest.AddCategory("IDEA", "Negocio en idea (otra)", 50_000m, 7_500m));
        Assert.Single(contest.Categories);
    }

    [Theory]
    [InlineData("idea")]
    [InlineData(" IDEA ")]
    public void Category_code_differing_only_in_case_or_spaces_is_refused(string code)
    {
        var contest = new ContestBuilder().WithCategory("IDEA").Build();

        Assert.Throws<ContestRuleException>(() => contest.AddCategory(code, "Otra", 50_000m, 7_500m));
        Assert.Single(contest.Categories);
    }

    [Theory]
    [InlineData(-1, 7_500)]
    [InlineData(120_000, 0)]
    [InlineData(120_000, -7_500)]
    public void Category_with_a_negative_budget_or_no_award_is_refused(decimal budget, decimal maxAward)
    {
        var contest = new ContestBuilder().Build();

        Assert.Throws<ContestRuleException>(() => contest.AddCategory("IDEA", "Negocio en idea", budget, maxAward));
        Assert.Empty(contest.Categories);
    }

    [Fact]
    public void Production_line_is_made_eligible_once()
    {
        var contest = new ContestBuilder().Build();

        contest.MakeEligible(3);
        contest.MakeEligible(3);
        contest.MakeEligible(7);

        Assert.Equal([3, 7], contest.EligibleLines.Select(l => l.ProductionLineId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Contest_without_a_code_is_refused(string code)
    {
        Assert.Throws<ArgumentException>(() => new ContestBuilder().WithCode(code).Build());
    }
}
