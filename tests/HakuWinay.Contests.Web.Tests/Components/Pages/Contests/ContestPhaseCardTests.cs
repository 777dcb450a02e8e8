using Bunit;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Web.Components.Pages.Contests;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Contests;

/// <summary>The compact card of a contest past its call, on the home page and the index.</summary>
public sealed class ContestPhaseCardTests : ComponentTestBase
{
    private static PublicContestRow Row(ContestPhase phase, DateTime? publishedAtUtc) => new(
        new ContestSummary(7, "CUS-2026-01", "Concurso Cusco", phase == ContestPhase.Results ? ContestStatus.ResultsPublished : ContestStatus.Evaluation,
            "Cusco", null, new DateTime(2026, 3, 1, 13, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 2, 3, 0, 0, DateTimeKind.Utc),
            [new CategorySummary("IDEA", "Negocio en idea", 120_000m, 7_500m)]),
        "08", phase, 2026, publishedAtUtc is null ? null : 2, publishedAtUtc);

    [Fact]
    public void A_published_contest_links_its_results_and_its_page_and_gives_the_Lima_date()
    {
        // 03:30 UTC on 2 June is still 1 June in Lima.
        var cut = Render<ContestPhaseCard>(p => p.Add(c => c.Row, Row(ContestPhase.Results, new DateTime(2026, 6, 2, 3, 30, 0, DateTimeKind.Utc))));

        var results = cut.Find("[data-testid=contest-results-link]");
        Assert.Equal("contests/CUS-2026-01/results", results.GetAttribute("href"));
        Assert.Equal("Ver resultados", results.TextContent);
        Assert.Equal("contests/CUS-2026-01", cut.Find("[data-testid=contest-link]").GetAttribute("href"));
        Assert.Equal("Resultados publicados el 01/06/2026", cut.Find("[data-testid=contest-results-date]").TextContent);
    }

    [Fact]
    public void A_contest_in_evaluation_says_when_its_call_closed_and_has_no_results_link()
    {
        var cut = Render<ContestPhaseCard>(p => p.Add(c => c.Row, Row(ContestPhase.Evaluation, null)));

        Assert.Empty(cut.FindAll("[data-testid=contest-results-link]"));
        Assert.Contains("Postulación cerrada el 01/04/2026", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("En evaluación", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_reads_in_English_when_English_is_chosen()
    {
        SetCulture("en");

        var cut = Render<ContestPhaseCard>(p => p.Add(c => c.Row, Row(ContestPhase.Results, new DateTime(2026, 6, 2, 15, 0, 0, DateTimeKind.Utc))));

        Assert.Equal("See the results", cut.Find("[data-testid=contest-results-link]").TextContent);
        Assert.Equal("Results published on 02/06/2026", cut.Find("[data-testid=contest-results-date]").TextContent);
    }
}
