using System.Globalization;
using Bunit;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Web.Components.Pages.Results.Admin;
using HakuWinay.Contests.Web.Tests.Components;

namespace HakuWinay.Contests.Web.Tests.Results.Admin;

/// <summary>The Admin's preview table: per category in the contest's order, budget used and left, ranked profiles first.</summary>
public sealed class ResultsPreviewTableTests : ComponentTestBase
{
    private static readonly DateTime Deadline = new(2026, 11, 28, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_category_shows_its_budget_and_ranked_profiles_in_rank_order_with_outcome_award_and_explanation()
    {
        var (input, ranking) = Sample();

        var cut = Render<ResultsPreviewTable>(p => p.Add(c => c.Ranking, ranking).Add(c => c.Input, input));

        var categories = cut.FindAll("[data-testid=results-category]");
        Assert.Equal(["IDEA", "MARCHA"], categories.Select(c => c.GetAttribute("data-category")));
        Assert.Contains("S/ 15,000.00", categories[0].QuerySelector("[data-testid=budget]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("queda S/ 7,500.00", categories[0].QuerySelector("[data-testid=budget]")!.TextContent, StringComparison.Ordinal);
        var rows = categories[0].QuerySelectorAll("[data-testid=results-row]");
        Assert.Equal(["P-002", "P-001", "P-003"], rows.Select(r => r.GetAttribute("data-profile")));
        var first = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "P-002", "Grupo Dos", "88.00", "5.00", "93.00", "Financiado", "S/ 7,500.00"], first.Take(8));
        Assert.Equal(8, first.Count);
        var explanation = categories[0].QuerySelector("[data-testid=results-explanation][data-profile=P-002]")!.TextContent;
        Assert.Contains("Puntaje 88.00", explanation, StringComparison.Ordinal);
        Assert.Equal("Desaprobado", rows[2].QuerySelector("[data-testid=outcome]")!.TextContent);
        Assert.Equal("—", rows[2].QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void In_english_the_outcomes_and_headings_are_english()
    {
        SetCulture("en");
        var (input, ranking) = Sample();

        var cut = Render<ResultsPreviewTable>(p => p.Add(c => c.Ranking, ranking).Add(c => c.Input, input));

        Assert.Equal("Waitlisted", cut.FindAll("[data-testid=outcome]")[1].TextContent);
        Assert.Contains("Final score", cut.Find("thead").TextContent, StringComparison.Ordinal);
    }

    private static (ResultsInput Input, RankingResult Ranking) Sample()
    {
        var facts = new GroupFacts(3, 1, 0, 1);
        ProfileFacts Profile(string code, string category, string group) =>
            new(code, category, 7_500m, Deadline.AddDays(-1), ProfileStanding.Eligible, facts, [], group, "Cuyes", "Quinua");
        var rules = new ResultsRules(70m, ScoreAggregation.Mean, BudgetAllocationPolicy.SkipToFit, null, false, Deadline,
            [new RankedStage("CAMPO", "Campo", 100m, 1, [new RankedCriterion("C1", "Uno", 10m, 100m)])],
            [new RankedCategory("IDEA", "Negocio en idea", 15_000m, 7_500m), new RankedCategory("MARCHA", "Negocio en marcha", 7_500m, 7_500m)],
            [], []);
        var input = new ResultsInput(rules,
            [Profile("P-001", "IDEA", "Grupo Uno"), Profile("P-002", "IDEA", "Grupo Dos"), Profile("P-003", "IDEA", "Grupo Tres"), Profile("P-004", "MARCHA", "Grupo Cuatro")], []);
        ResultEntry Entry(string code, string category, decimal score, int? rank, ResultOutcome outcome, decimal award, decimal bonus = 0) =>
            new(code, category, [new StageResult("CAMPO", score, 1, 1, false)], score, bonus, Math.Min(100, score + bonus), outcome != ResultOutcome.Failed,
                rank, outcome == ResultOutcome.Waitlisted ? 1 : null, outcome, award, string.Create(CultureInfo.InvariantCulture, $"Puntaje {score:0.00}"), null);
        var ranking = new RankingResult(
            [new CategoryOutcome("IDEA", 15_000m, 0m, 7_500m, 7_500m, 2, 1), new CategoryOutcome("MARCHA", 7_500m, 0m, 7_500m, 0m, 1, 1)],
            [
                Entry("P-001", "IDEA", 80m, 2, ResultOutcome.Waitlisted, 0m),
                Entry("P-002", "IDEA", 88m, 1, ResultOutcome.Funded, 7_500m, 5m),
                Entry("P-003", "IDEA", 50m, null, ResultOutcome.Failed, 0m),
                Entry("P-004", "MARCHA", 75m, 1, ResultOutcome.Funded, 7_500m),
            ]);
        return (input, ranking);
    }
}
