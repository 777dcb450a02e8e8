using Bunit;
using HakuWinay.Contests.Web.Components.Pages.Results;
using HakuWinay.Contests.Web.PublicResults;
using HakuWinay.Contests.Web.Tests.Components;

namespace HakuWinay.Contests.Web.Tests.Results;

public sealed class ResultsViewTests : ComponentTestBase
{
    private IRenderedComponent<ResultsView> RenderPublished() =>
        Render<ResultsView>(p => p
            .Add(c => c.Results, ResultsSamples.Published())
            .Add(c => c.Links, ResultsLinks.Public("AYA-2026-01", 2)));

    [Fact]
    public void Each_category_lists_its_passed_profiles_in_rank_order_with_scores_outcome_and_award()
    {
        var cut = RenderPublished();

        var idea = cut.Find("[data-category=IDEA]");
        var rows = idea.QuerySelectorAll("[data-testid=ranked-row]");
        Assert.Equal(["AYA-2026-01-001", "AYA-2026-01-002"], rows.Select(r => r.GetAttribute("data-profile")));
        var cells = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("1", cells[0]);
        Assert.StartsWith("Warmi Kallpa", cells[1], StringComparison.Ordinal);
        Assert.Equal(["Cuyes", "Tambillo", "85.00", "87.00", "Financiado", "S/ 7,500.00"], cells[2..]);
        Assert.Equal("En lista de espera (1)", rows[1].QuerySelector("[data-testid=outcome]")!.TextContent.Trim());
    }

    [Fact]
    public void Profiles_outside_the_ranking_are_listed_below_with_their_outcome()
    {
        var cut = RenderPublished();

        var idea = cut.Find("[data-category=IDEA] [data-testid=unranked-list]");
        var rows = idea.QuerySelectorAll("[data-testid=unranked-row]");
        Assert.Equal(["AYA-2026-01-003", "AYA-2026-01-004"], rows.Select(r => r.GetAttribute("data-profile")));
        Assert.Equal(["Desaprobado", "Retirado"], rows.Select(r => r.QuerySelector("[data-testid=outcome]")!.TextContent));
        Assert.Contains("65.25", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Incompleto", cut.Find("[data-category=MARCHA] [data-testid=unranked-row] [data-testid=outcome]").TextContent);
        Assert.NotNull(cut.Find("[data-category=MARCHA] [data-testid=nobody-passed]"));
    }

    [Fact]
    public void Each_category_shows_its_budget_with_what_rolled_in_what_was_used_and_what_is_left()
    {
        var cut = RenderPublished();

        var idea = cut.Find("[data-category=IDEA] [data-testid=budget]").TextContent;
        var marcha = cut.Find("[data-category=MARCHA] [data-testid=budget]").TextContent;
        Assert.Contains("Presupuesto: S/ 15,000.00", idea, StringComparison.Ordinal);
        Assert.Contains("Asignado: S/ 7,500.00", idea, StringComparison.Ordinal);
        Assert.Contains("Saldo: S/ 7,500.00", idea, StringComparison.Ordinal);
        Assert.Contains("1 financiados de 2 aprobados", idea, StringComparison.Ordinal);
        Assert.Contains("Presupuesto: S/ 27,500.00", marcha, StringComparison.Ordinal);
        Assert.Contains("(incluye S/ 7,500.00 no usados de la categoría anterior)", marcha, StringComparison.Ordinal);
    }

    [Fact]
    public void The_publication_shows_its_version_date_in_Lima_hash_and_correction_reason()
    {
        var cut = RenderPublished();

        Assert.Equal("Versión 2", cut.Find("[data-testid=publication-version]").TextContent);
        Assert.Contains("02/12/2026 10:30 (hora de Lima)", cut.Find("[data-testid=publication]").TextContent, StringComparison.Ordinal);
        var hash = cut.Find("[data-testid=publication-hash]");
        Assert.Equal(new string('a', 64), hash.TextContent);
        Assert.Contains("text-break", hash.ClassName, StringComparison.Ordinal);
        Assert.Contains("tras su reclamo", cut.Find("[data-testid=correction-reason]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=preview-banner]"));
    }

    [Fact]
    public void The_history_links_every_other_version_and_the_downloads_point_at_the_version_shown()
    {
        var cut = RenderPublished();

        var items = cut.FindAll("[data-testid=history-item]");
        Assert.Equal(2, items.Count);
        Assert.Empty(items[0].QuerySelectorAll("a"));
        Assert.Equal("contests/AYA-2026-01/results?version=1", items[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("contests/AYA-2026-01/results/ranking.csv?version=2", cut.Find("[data-testid=download-ranking]").GetAttribute("href"));
        Assert.Equal("contests/AYA-2026-01/results/scores.csv?version=2", cut.Find("[data-testid=download-scores]").GetAttribute("href"));
        Assert.Equal("contests/AYA-2026-01/results/package.json?version=2", cut.Find("[data-testid=download-package]").GetAttribute("href"));
        Assert.Equal("contests/AYA-2026-01/results/acta?version=2", cut.Find("[data-testid=acta-link]").GetAttribute("href"));
    }

    [Fact]
    public void Every_entry_carries_its_explanation_and_a_tie_break_note_when_there_was_one()
    {
        var cut = RenderPublished();

        var first = cut.Find("[data-profile='AYA-2026-01-001'] [data-testid=explanation]");
        Assert.Equal("details", first.LocalName);
        Assert.Contains("presupuesto restante S/ 15,000.00 ≥ solicitado S/ 7,500.00", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("mayor proporción de hogares Juntos", cut.Find("[data-profile='AYA-2026-01-002'] [data-testid=tie-break-note]").TextContent, StringComparison.Ordinal);
        Assert.Equal(5, cut.FindAll("[data-testid=explanation]").Count);
    }

    [Fact]
    public void A_preview_is_marked_as_such_without_a_version_or_hash_and_links_the_admin_downloads()
    {
        var cut = Render<ResultsView>(p => p.Add(c => c.Results, ResultsSamples.Preview()).Add(c => c.Links, ResultsLinks.Preview(1)));

        Assert.Contains("VISTA PREVIA", cut.Find("[data-testid=preview-banner]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=publication-hash]"));
        Assert.Empty(cut.FindAll("[data-testid=history]"));
        Assert.Equal("admin/contests/1/results/preview/ranking.csv", cut.Find("[data-testid=download-ranking]").GetAttribute("href"));
    }

    [Fact]
    public void In_English_outcomes_and_headings_are_in_English()
    {
        SetCulture("en");

        var cut = RenderPublished();

        Assert.Equal("Funded", cut.Find("[data-profile='AYA-2026-01-001'] [data-testid=outcome]").TextContent.Trim());
        Assert.Contains("Results: Concurso de negocios rurales Huamanga 2026", cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("Tambillo, Huamanga, Ayacucho", cut.Markup, StringComparison.Ordinal);
    }
}
