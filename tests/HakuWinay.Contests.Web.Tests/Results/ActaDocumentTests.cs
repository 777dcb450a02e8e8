using Bunit;
using HakuWinay.Contests.Web.Components.Pages.Results;
using HakuWinay.Contests.Web.PublicResults;
using HakuWinay.Contests.Web.Tests.Components;

namespace HakuWinay.Contests.Web.Tests.Results;

public sealed class ActaDocumentTests : ComponentTestBase
{
    private static readonly IReadOnlyList<StageJurors> Jurors =
    [
        new("CAMPO", "Evaluación de campo", ["Rosa Huamán", "Juan Quispe"]),
        new("PUBLICA", "Presentación pública", ["Juan Quispe", "María Cárdenas"]),
    ];

    [Fact]
    public void The_acta_is_numbered_by_version_year_and_contest_and_says_where_and_when()
    {
        var cut = Render<ActaDocument>(p => p.Add(c => c.Results, ResultsSamples.Published(Jurors)));

        Assert.Equal("Acta N.° 002-2026-CLAR-AYA-2026-01", cut.Find("[data-testid=acta-number]").TextContent);
        var opening = cut.Find("[data-testid=acta-opening]").TextContent;
        Assert.StartsWith("En Tambillo, Huamanga, Ayacucho, el 02/12/2026 10:30 (hora de Lima)", opening, StringComparison.Ordinal);
        Assert.Contains("Esta acta corrige la versión 1. Motivo:", cut.Find("[data-testid=correction-reason]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_acta_lists_the_jurors_per_stage_and_a_signature_line_for_each_and_the_president()
    {
        var cut = Render<ActaDocument>(p => p.Add(c => c.Results, ResultsSamples.Published(Jurors)));

        Assert.Equal("Evaluación de campo: Rosa Huamán, Juan Quispe", Normalize(cut.Find("[data-stage=CAMPO]").TextContent));
        var signatures = cut.FindAll("[data-testid=signature]").Select(s => Normalize(s.TextContent)).ToList();
        Assert.Equal(["Juan Quispe Jurado", "María Cárdenas Jurado", "Rosa Huamán Jurado", "Presidente(a) del CLAR"], signatures);
    }

    [Fact]
    public void Each_profile_has_its_stage_scores_bonus_final_score_outcome_and_amount_and_ties_are_noted()
    {
        var cut = Render<ActaDocument>(p => p.Add(c => c.Results, ResultsSamples.Published(Jurors)));

        var rows = cut.FindAll("[data-category=IDEA] [data-testid=acta-row]");
        Assert.Equal(["AYA-2026-01-001", "AYA-2026-01-002", "AYA-2026-01-003", "AYA-2026-01-004"], rows.Select(r => r.GetAttribute("data-profile")));
        var first = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "AYA-2026-01-001 · Warmi Kallpa", "86.00", "84.00", "2.00", "87.00", "Financiado", "S/ 7,500.00"], first);
        Assert.Contains("AYA-2026-01-002: Empate con AYA-2026-01-001", cut.Find("[data-testid=acta-tie-break]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_acta_of_the_preview_is_marked_and_numbered_000()
    {
        var cut = Render<ActaDocument>(p => p.Add(c => c.Results, ResultsSamples.Preview()));

        Assert.Contains("BORRADOR", cut.Find("[data-testid=preview-banner]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Acta N.° 000-2026-CLAR-", cut.Find("[data-testid=acta-number]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Presentación pública: ninguno", Normalize(cut.Find("[data-stage=PUBLICA]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=correction-reason]"));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
