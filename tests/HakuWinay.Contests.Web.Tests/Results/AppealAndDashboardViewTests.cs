using Bunit;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results.Dashboard;
using HakuWinay.Contests.Web.Components.Pages.Results;
using HakuWinay.Contests.Web.PublicResults;
using HakuWinay.Contests.Web.Tests.Components;

namespace HakuWinay.Contests.Web.Tests.Results;

public sealed class AppealAndDashboardViewTests : ComponentTestBase
{
    private static AppealPageView View(AppealSummary? appeal = null) =>
        new(1, "Warmi Kallpa", ResultsSamples.Contest, ResultsSamples.Version1, ResultsSamples.Result.Entries.Single(e => e.ProfileCode == "AYA-2026-01-001"),
            "Negocio en idea", [("CAMPO", "Evaluación de campo"), ("PUBLICA", "Presentación pública")],
            [new JurorComment("Jurado 1", "Evaluación de campo", "Gestión", "Buen manejo de los registros."), new JurorComment("Jurado 2", "Presentación pública", null, "Clara.")],
            ResultsSamples.Version1.PublishedAtUtc.AddDays(3), true, appeal);

    [Fact]
    public void The_group_reads_its_outcome_scores_rank_award_and_the_jurors_comments_without_names()
    {
        var cut = Render<AppealResultCard>(p => p.Add(c => c.View, View()));

        Assert.Equal("Financiado", cut.Find("[data-testid=outcome]").TextContent);
        Assert.Equal("puesto 1 en Negocio en idea", cut.Find("[data-testid=rank]").TextContent);
        Assert.Equal(["86.00", "84.00"], cut.FindAll("[data-testid=stage-score]").Select(s => s.TextContent));
        Assert.Equal("87.00", cut.Find("[data-testid=final-score]").TextContent);
        Assert.Equal("S/ 7,500.00", cut.Find("[data-testid=award]").TextContent);
        var comments = cut.FindAll("[data-testid=juror-comment]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Jurado 1 · Evaluación de campo · Gestión: Buen manejo de los registros.", comments[0]);
        Assert.Equal("Jurado 2 · Presentación pública: Clara.", comments[1]);
    }

    [Fact]
    public void A_decided_appeal_shows_its_status_attachment_and_decision_in_Lima_time()
    {
        var appeal = new AppealSummary(new DateTime(2026, 12, 2, 13, 0, 0, DateTimeKind.Utc), "Fundado", "No vieron el galpón.", "galpon.pdf",
            "Se verificó el galpón.", new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc));

        var cut = Render<AppealStatusCard>(p => p.Add(c => c.Appeal, appeal));

        Assert.Contains("02/12/2026 08:00", cut.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.Equal("Fundado", cut.Find("[data-testid=appeal-status-value]").TextContent);
        Assert.Contains("galpon.pdf", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("(03/12/2026 10:00): Se verificó el galpón.", cut.Find("[data-testid=appeal-decision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_tables_draw_bars_scaled_to_the_largest_count_and_link_their_csv()
    {
        var rows = new List<DashboardRow> { new("Cuyes", 4, 2, 15_000m), new("Miel", 2, 0, 0m) };

        var cut = Render<DashboardRowsTable>(p => p.Add(c => c.Title, "Por línea").Add(c => c.LabelHeader, "Línea").Add(c => c.Rows, rows)
            .Add(c => c.CsvUrl, "admin/contests/1/results/dashboard/lines.csv").Add(c => c.TestId, "dashboard-lines"));

        var first = cut.FindAll("[data-testid=dashboard-row]")[0];
        Assert.Equal(["Cuyes", "4", "2", "50.00 %", "S/ 15,000.00"], first.QuerySelectorAll("td").Take(5).Select(td => td.TextContent));
        Assert.Equal(["width: 100%", "width: 50%"], first.QuerySelectorAll(".bar").Select(b => b.GetAttribute("style")));
        Assert.Equal("width: 0%", cut.FindAll("[data-testid=dashboard-row]")[1].QuerySelectorAll(".bar")[1].GetAttribute("style"));
        Assert.Equal("admin/contests/1/results/dashboard/lines.csv", cut.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public void The_shares_table_names_each_kind_and_shows_a_dash_when_nobody_won()
    {
        var shares = new List<HouseholdShare> { new(PriorityKind.Juntos, 20, 12, 0, 0), new(PriorityKind.WomenHeaded, 20, 9, 10, 6) };

        var cut = Render<DashboardSharesTable>(p => p.Add(c => c.Shares, shares).Add(c => c.CsvUrl, "x.csv"));

        var juntos = cut.Find("[data-kind=Juntos]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Usuarios de Juntos (verificados en el padrón)", juntos[0]);
        Assert.StartsWith("60.00 %", juntos[1], StringComparison.Ordinal);
        Assert.StartsWith("—", juntos[2], StringComparison.Ordinal);
        Assert.StartsWith("60.00 %", cut.Find("[data-kind=WomenHeaded]").QuerySelectorAll("td")[2].TextContent.Trim(), StringComparison.Ordinal);
    }
}
