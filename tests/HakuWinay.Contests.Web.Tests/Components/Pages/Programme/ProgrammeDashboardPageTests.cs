using Bunit;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Programme;

/// <summary>The programme dashboard over a built data set: two contests, three applicants of two production lines.</summary>
public sealed class ProgrammeDashboardPageTests : ComponentTestBase
{
    public ProgrammeDashboardPageTests() => Services.AddScoped<ProgrammeDashboardQueries>();

    private async Task<IRenderedComponent<ProgrammeDashboardPage>> RenderWithDataAsync(bool oneDeclaredOnly = false)
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var first = await Database.AddOpenContestAsync("T-PROG-1", Now);
        var second = await Database.AddOpenContestAsync("T-PROG-2", Now);
        var cuyes = await Database.AddGroupAsync("Cuyes Uno", "050101", null, 4);
        var otherCuyes = await Database.AddGroupAsync("Cuyes Dos", "050101", null, 3);
        var honey = await Database.AddGroupAsync("Miel", "050101", null, 5, lineCode: "AVES_HUEVOS");
        await Database.AddEligibleProfilesAsync(first, admin.Id, Now, cuyes, honey);
        await Database.AddEligibleProfilesAsync(second, admin.Id, Now, otherCuyes);
        if (oneDeclaredOnly)
        {
            // One of Miel's two declared Juntos households is not in the Juntos padrón.
            await using var db = Database.CreateDbContext();
            var household = await db.Households.Where(h => h.ProducerGroupId == honey.Id && h.IsJuntosUser).OrderBy(h => h.Id).FirstAsync();
            household.RecordRegistryCheck(household.RegistryProjectCode, juntosVerified: false, Now);
            await db.SaveChangesAsync();
        }
        SignInAs(admin.Id, "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        return Render<ProgrammeDashboardPage>();
    }

    private static string Figure(IRenderedComponent<ProgrammeDashboardPage> cut, string id) => cut.Find($"[data-testid={id}]").TextContent.Trim();

    [Fact]
    public async Task The_totals_count_every_contest_and_applicant_of_the_programme()
    {
        var cut = await RenderWithDataAsync();

        cut.WaitForAssertion(() => Assert.Equal("3", Figure(cut, "total-applicants")));
        Assert.Equal("2", Figure(cut, "total-contests"));
        Assert.Equal("3", Figure(cut, "total-eligible"));
        Assert.Equal("0", Figure(cut, "total-funded"));
        Assert.Single(cut.FindAll("[data-testid=programme-row]"));
    }

    [Fact]
    public async Task Choosing_a_production_line_changes_the_figures_at_once()
    {
        var cut = await RenderWithDataAsync();
        cut.WaitForAssertion(() => Assert.Equal("3", Figure(cut, "total-applicants")));

        cut.Find("#p-line").Change("AVES_HUEVOS");

        Assert.Equal("1", Figure(cut, "total-applicants"));
        Assert.Equal("1", Figure(cut, "total-contests"));
        Assert.Contains("line=AVES_HUEVOS", cut.Find("[data-testid=programme-regions-xlsx]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith(".xlsx?line=AVES_HUEVOS", cut.Find("[data-testid=programme-regions-xlsx]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_says_so_instead_of_drawing_an_empty_chart()
    {
        var cut = await RenderWithDataAsync();
        cut.WaitForAssertion(() => Assert.Equal("3", Figure(cut, "total-applicants")));

        cut.Find("#p-category").Change("MARCHA");

        Assert.Equal("0", Figure(cut, "total-applicants"));
        Assert.NotNull(cut.Find("[data-testid=programme-empty]"));
        Assert.Empty(cut.FindAll("[data-testid=programme-money-chart]"));
    }

    [Fact]
    public async Task Each_chart_is_an_image_with_a_title_and_a_description_beside_its_table()
    {
        var cut = await RenderWithDataAsync();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=programme-money-chart]")));

        foreach (var id in new[] { "programme-money-chart", "programme-shares-chart" })
        {
            var svg = cut.Find($"[data-testid={id}] svg[role=img]");
            var labels = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal(2, labels.Length);
            Assert.False(string.IsNullOrWhiteSpace(cut.Find($"#{labels[0]}").TextContent));
            Assert.False(string.IsNullOrWhiteSpace(cut.Find($"#{labels[1]}").TextContent));
            // As wide as a 360-px phone: text stays legible without zooming.
            Assert.StartsWith("0 0 360 ", svg.GetAttribute("viewBox"), StringComparison.Ordinal);
        }
        // AddGroupAsync makes the first two members Juntos, every other one a woman, the first one young:
        // of 12 applicant households, 6 Juntos, 7 women-headed, 3 young, none declared only;
        // bars go Juntos, women, youth, declared-only Juntos, applicants then winners.
        var bars = cut.FindAll("[data-testid=programme-shares-chart] rect[data-value]").Select(r => r.GetAttribute("data-value")).ToList();
        Assert.Equal(["50", "0", "58.33", "0", "25", "0", "0", "0"], bars);
        Assert.NotNull(cut.Find("[data-testid=programme-regions] table"));
        Assert.NotNull(cut.Find("[data-testid=dashboard-shares] table"));
    }

    [Fact]
    public async Task Declared_only_Juntos_households_are_shown_apart_in_the_chart_and_the_table_and_not_counted_as_juntos()
    {
        var cut = await RenderWithDataAsync(oneDeclaredOnly: true);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=programme-shares-chart]")));

        // Of 12 applicant households: 5 verified (41.67 %), 1 declared only (8.33 %), no winners yet.
        var bars = cut.FindAll("[data-testid=programme-shares-chart] rect[data-value]").Select(r => r.GetAttribute("data-value")).ToList();
        Assert.Equal(["41.67", "0", "58.33", "0", "25", "0", "8.33", "0"], bars);
        Assert.Contains("Juntos declarado, no verificado", cut.Find("[data-testid=programme-shares-chart]").TextContent, StringComparison.Ordinal);
        var declared = cut.Find("[data-testid=dashboard-share][data-kind=JuntosDeclaredOnly]");
        Assert.Contains("8.33", declared.TextContent, StringComparison.Ordinal);
        Assert.Contains("41.67", cut.Find("[data-testid=dashboard-share][data-kind=Juntos]").TextContent, StringComparison.Ordinal);
    }
}
