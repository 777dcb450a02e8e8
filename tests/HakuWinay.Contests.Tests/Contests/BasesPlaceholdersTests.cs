using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Text;

namespace HakuWinay.Contests.Tests.Contests;

/// <summary>The bases quote the settings through placeholders: each filled, formatted es-PE, escaped, and unknown ones reported.</summary>
public sealed class BasesPlaceholdersTests
{
    /// <summary>
    /// A contest with every setting a placeholder reads: two categories, caps, group size, stages,
    /// a two-tranche plan, two document slots, and a full timeline in Lima.
    /// </summary>
    private static Contest Contest()
    {
        var timeline = new ContestTimeline(
            Instants.Lima(2026, 12, 1, 0, 0), Instants.Lima(2027, 1, 15, 17, 59),
            Instants.Lima(2027, 1, 20, 8, 0), Instants.Lima(2027, 1, 30, 18, 0), Instants.Lima(2027, 2, 5, 9, 30), Instants.Lima(2027, 2, 6, 12, 0));
        var contest = new Contest("AYA-2026-01", "Concurso Huamanga 2026", "05", timeline, passMark: 70, Instants.Now);
        contest.AddCategory("IDEA", "Negocio en idea", 120_000m, 7_500m);
        contest.AddCategory("MARCHA", "Negocio en marcha", 193_400m, 19_340m);
        contest.SetGroupSize(3, 6);
        contest.SetMinCounterpart(10m);
        contest.CapInvestment(InvestmentCategory.TechnicalAssistance, 40m);
        contest.CapInvestment(InvestmentCategory.InputsAndMaterials, 12.5m);
        var field = contest.AddStage("CAMPO", "Evaluación de campo", 50, 3);
        contest.AddCriterion(field, "C1", "Criterio", "Rúbrica", 10, 100);
        contest.AddStage("PUBLICA", "Presentación pública", 50, 3);
        contest.SetDocumentSlots([
            new DocumentSlotSettings(null, "Acta de asamblea", "Aprueba el negocio", IsRequired: true, PdfOnly: true),
            new DocumentSlotSettings(null, "Fotos del local", null, IsRequired: false, PdfOnly: false),
            new DocumentSlotSettings(null, "Compromiso de contrapartida", null, IsRequired: true, PdfOnly: true),
        ]);
        return contest;
    }

    private static string Filled(Contest contest, string markdown)
    {
        var filled = BasesPlaceholders.Fill(markdown, BasesPlaceholders.ValuesOf(contest));
        Assert.Empty(filled.Unknown);
        return MarkdownRenderer.ToPlainText(filled.Markdown).Trim();
    }

    [Theory]
    [InlineData("{{codigo}}", "AYA-2026-01")]
    [InlineData("{{titulo}}", "Concurso Huamanga 2026")]
    [InlineData("{{contrapartida_minima}}", "10 %")]
    [InlineData("{{hogares_minimo}} a {{hogares_maximo}}", "3 a 6")]
    [InlineData("{{puntaje_minimo}}", "70")]
    [InlineData("{{plazo_apelacion_dias}}", "3")]
    [InlineData("{{presupuesto_total}}", "S/ 313,400.00")]
    [InlineData("{{categoria.IDEA.nombre}}", "Negocio en idea")]
    [InlineData("{{categoria.IDEA.presupuesto}}", "S/ 120,000.00")]
    [InlineData("{{categoria.IDEA.monto_maximo}}", "S/ 7,500.00")]
    [InlineData("{{categoria.MARCHA.monto_maximo}}", "S/ 19,340.00")]
    [InlineData("{{tope.asistencia_tecnica}}", "40 %")]
    [InlineData("{{tope.materiales_insumos}}", "12.5 %")]
    [InlineData("{{tope.equipos}}", "sin tope")]
    [InlineData("{{tope.infraestructura}} {{tope.capacitacion}} {{tope.otros}}", "sin tope sin tope sin tope")]
    [InlineData("{{etapa.CAMPO.nombre}}", "Evaluación de campo")]
    [InlineData("{{etapa.PUBLICA.peso}}", "50 %")]
    [InlineData("{{apertura_convocatoria}}", "01/12/2026 00:00")]
    [InlineData("{{cierre_convocatoria}}", "15/01/2027 17:59")]
    [InlineData("{{inicio_evaluacion_campo}}", "20/01/2027")]
    [InlineData("{{fin_evaluacion_campo}}", "30/01/2027")]
    [InlineData("{{sesion_publica}}", "05/02/2027 09:30")]
    [InlineData("{{resultados}}", "06/02/2027")]
    [InlineData("{{tramos}}", "70 % y 30 %")]
    [InlineData("{{tramo.1}}", "70 %")]
    [InlineData("{{tramo.2}}", "30 %")]
    [InlineData("{{tramo.2.rendicion}}", "70 %")]
    [InlineData("{{documentos_requeridos}}", "Acta de asamblea y Compromiso de contrapartida")]
    public void Each_placeholder_is_filled_from_the_settings_as_Peruvian_documents_write_it(string markdown, string expected) =>
        Assert.Equal(expected, Filled(Contest(), markdown));

    [Fact]
    public void Every_placeholder_the_contest_offers_is_filled_and_none_is_left_unknown()
    {
        var contest = Contest();
        var values = BasesPlaceholders.ValuesOf(contest);
        var markdown = string.Join("\n\n", values.Keys.Select(k => "{{" + k + "}}"));

        var filled = BasesPlaceholders.Fill(markdown, values);

        Assert.Empty(filled.Unknown);
        Assert.DoesNotContain("{{", filled.Markdown, StringComparison.Ordinal);
        Assert.True(values.Count >= 35, $"only {values.Count} placeholders");
    }

    [Fact]
    public void Names_ignore_case_and_spaces_inside_the_braces() =>
        Assert.Equal("10 % · S/ 7,500.00", Filled(Contest(), "{{ Contrapartida_Minima }} · {{categoria.idea.MONTO_MAXIMO}}"));

    [Fact]
    public void A_date_the_timeline_does_not_set_yet_reads_por_definir()
    {
        var contest = new ContestBuilder().WithoutEvaluationDates().Build();

        Assert.Equal("por definir por definir", Filled(contest, "{{sesion_publica}} {{resultados}}"));
    }

    [Fact]
    public void An_unknown_placeholder_is_reported_once_and_shown_literally_never_as_a_gap()
    {
        var filled = BasesPlaceholders.Fill("Aporte {{contrapartida}} y {{contrapartida}}; {{ categoria.OTRA.nombre }}; {{}}",
            BasesPlaceholders.ValuesOf(Contest()));

        Assert.Equal(["contrapartida", "categoria.OTRA.nombre", ""], filled.Unknown);
        Assert.Equal("Aporte {{contrapartida}} y {{contrapartida}}; {{ categoria.OTRA.nombre }}; {{}}",
            MarkdownRenderer.ToPlainText(filled.Markdown).Trim());
    }

    [Fact]
    public void A_contest_whose_bases_use_an_unknown_placeholder_cannot_be_published()
    {
        var contest = new ContestBuilder().Build();
        ContestBuilder.MakePublishable(contest);
        contest.WriteBases("Contrapartida: {{contrapartida_minimo}}.");

        var problem = Assert.Single(contest.Validate(), p => p.Field == "Bases");

        Assert.Equal("ContestRules.UnknownPlaceholder", problem.Rule);
        Assert.Equal(["{{contrapartida_minimo}}"], problem.Arguments);
        Assert.Throws<InvalidOperationException>(() => contest.Publish(Instants.Now));
    }

    [Theory]
    [InlineData("**x**")]
    [InlineData("[a](javascript:alert(1))")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("# Título\n- lista")]
    [InlineData("`código` _cursiva_ ![img](http://x/y.png)")]
    [InlineData("1. primero")]
    public void A_setting_s_text_cannot_inject_markdown_into_the_bases(string name)
    {
        var contest = new Contest("T-1", "Concurso", "05", new ContestBuilder().Timeline(), 70, Instants.Now);
        contest.AddCategory("IDEA", name, 1_000m, 500m);

        var html = MarkdownRenderer.ToHtml(BasesPlaceholders.Fill("{{categoria.IDEA.nombre}}", BasesPlaceholders.ValuesOf(contest)).Markdown);

        // One paragraph with the name as text: no emphasis, link, image, code, heading, list or element of the name's own.
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
        foreach (var tag in new[] { "<strong", "<em", "<a ", "<img", "<code", "<h1", "<ul", "<ol", "<li", "<script" })
        {
            Assert.DoesNotContain(tag, html, StringComparison.Ordinal);
        }
        Assert.Equal(name.Replace("\n", " ", StringComparison.Ordinal), MarkdownRenderer.ToPlainText(
            BasesPlaceholders.Fill("{{categoria.IDEA.nombre}}", BasesPlaceholders.ValuesOf(contest)).Markdown).Trim());
    }

    [Fact]
    public void The_demo_s_counterpart_sentence_says_what_the_rules_check()
    {
        var contest = Contest();

        var text = Filled(contest, "al menos el {{contrapartida_minima}} de la inversión total");

        Assert.Equal("al menos el 10 % de la inversión total", text);
        Assert.Equal(contest.MinCounterpartPercent, contest.SubmissionRulesFor(contest.Categories[0]).MinCounterpartPercent);
    }
}
