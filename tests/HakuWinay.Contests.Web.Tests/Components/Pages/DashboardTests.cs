using Bunit;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Dashboards;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Components.Pages;

public sealed class DashboardTests : ComponentTestBase
{
    [Fact]
    public async Task The_admin_dashboard_counts_contests_groups_users_and_waiting_email()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        await Database.AddUserAsync("jurado@t.pe", Roles.Juror);
        await Database.AddOpenContestAsync("T-01", Now);
        await Database.AddGroupAsync("Grupo A", "050101", null, 4);
        await Database.AddGroupAsync("Grupo B", "050102", null, 3, verified: false);
        SignInAs(admin.Id, admin.Email!, Roles.Admin);

        var cut = Render<AdminDashboard>();

        cut.WaitForElement("[data-testid=admin-dashboard]");
        var cards = cut.FindAll(".card").Select(c => c.TextContent).ToList();
        Assert.Contains(cards, c => c.Contains("Concursos", StringComparison.Ordinal) && c.Contains("Convocatoria abierta 1", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("Grupos de productores", StringComparison.Ordinal) && c.Contains("Por verificar: 1", StringComparison.Ordinal) && c.Contains("Hogares: 7", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("Administradores: 1", StringComparison.Ordinal) && c.Contains("Jurados: 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_juror_dashboard_shows_the_juror_and_the_open_contests()
    {
        var juror = await Database.AddUserAsync("jurado@t.pe", Roles.Juror, "050101", "Agencia Agraria Huamanga");
        await Database.AddOpenContestAsync("T-02", Now);
        SignInAs(juror.Id, juror.Email!, Roles.Juror);

        var cut = Render<JurorDashboard>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=contest-card]")));
        var person = cut.Find("[data-testid=person-summary]").TextContent;
        Assert.Contains("Agencia Agraria Huamanga", person);
        Assert.Contains("Ayacucho", person);
        Assert.Contains("T-02", cut.Find("[data-testid=contest-card]").TextContent);
    }

    [Fact]
    public async Task A_producer_sees_only_the_group_they_represent_with_masked_dnis()
    {
        var mine = await Database.AddUserAsync("mio@t.pe", Roles.Producer);
        var other = await Database.AddUserAsync("otro@t.pe", Roles.Producer);
        await Database.AddGroupAsync("Mi grupo de cuyes", "050101", mine.Id, 4);
        await Database.AddGroupAsync("Grupo ajeno", "050101", other.Id, 5);
        SignInAs(mine.Id, mine.Email!, Roles.Producer);

        var cut = Render<ProducerDashboard>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=group-panel]")));
        var panel = cut.Find("[data-testid=group-panel]").TextContent;
        Assert.Contains("Mi grupo de cuyes", panel);
        Assert.DoesNotContain("Grupo ajeno", cut.Markup);
        Assert.Equal(4, cut.FindAll("[data-testid=group-panel] tbody tr").Count);
        Assert.All(cut.FindAll("[data-testid=group-panel] td.font-monospace"), td => Assert.StartsWith("*****", td.TextContent, StringComparison.Ordinal));
        Assert.Contains("Usuarios de Juntos (verificados): 2", panel);
        await using var db = Database.CreateDbContext();
        var mineId = await db.ProducerGroups.Where(g => g.Name == "Mi grupo de cuyes").Select(g => g.Id).SingleAsync();
        Assert.Equal($"groups/{mineId}", cut.Find("[data-testid=see-group]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=register-group]"));
    }

    [Fact]
    public async Task A_producer_without_a_group_is_told_so()
    {
        var user = await Database.AddUserAsync("nuevo@t.pe", Roles.Producer);
        SignInAs(user.Id, user.Email!, Roles.Producer);

        var cut = Render<ProducerDashboard>();

        cut.WaitForAssertion(() => Assert.Contains("Su cuenta aún no representa a ningún grupo.", cut.Markup));
        Assert.Equal("groups/new", cut.Find("[data-testid=register-group]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_technician_sees_the_groups_of_their_province_only()
    {
        var technician = await Database.AddUserAsync("tec@t.pe", Roles.Technician, "050102");
        await Database.AddGroupAsync("Grupo de Huamanga", "050105", null, 3);
        await Database.AddGroupAsync("Grupo de Huanta", "050401", null, 3);
        SignInAs(technician.Id, technician.Email!, Roles.Technician);

        var cut = Render<TechnicianDashboard>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=group-panel]")));
        Assert.Contains("Grupo de Huamanga", cut.Markup);
        Assert.DoesNotContain("Grupo de Huanta", cut.Markup);
    }
}
