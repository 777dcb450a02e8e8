using Bunit;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Layout;

public sealed class NavMenuTests : ComponentTestBase
{
    private static List<string> Links(IRenderedComponent<NavMenu> cut) =>
        cut.FindAll(".navbar-nav .nav-link").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public void Anonymous_visitors_see_home_the_contests_index_and_a_sign_in_link_only()
    {
        var cut = Render<NavMenu>();

        Assert.Equal(["Inicio", "Concursos"], Links(cut));
        Assert.Equal("contests", cut.FindAll(".navbar-nav .nav-link")[1].GetAttribute("href"));
        Assert.Equal("account/login", cut.Find("a.btn-light[href='account/login']").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=signed-in-as]"));
    }

    [Theory]
    [InlineData(Roles.Admin, new[] { "Inicio", "Concursos", "Administración", "Gestión de concursos", "Grupos", "Programa", "Padrones", "Correos", "Cuentas" })]
    [InlineData(Roles.Juror, new[] { "Inicio", "Concursos", "Jurado" })]
    [InlineData(Roles.Producer, new[] { "Inicio", "Concursos", "Mi grupo", "Mis perfiles", "Mis financiamientos" })]
    [InlineData(Roles.Technician, new[] { "Inicio", "Concursos", "Seguimiento", "Mis visitas" })]
    public void Each_role_sees_its_own_links_and_a_sign_out_button(string role, string[] expected)
    {
        SignInAs("u1", "persona@demo.pe", role);

        var cut = Render<NavMenu>();

        // The administrator's national-only links wait for their scope (read once per page).
        cut.WaitForAssertion(() => Assert.Equal(expected, Links(cut)));
        Assert.Equal("persona@demo.pe", cut.Find("[data-testid=signed-in-as]").TextContent);
        var form = cut.Find("form[action='account/logout']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Salir", form.QuerySelector("button")!.TextContent);
    }

    [Fact]
    public async Task A_scoped_administrator_is_offered_no_link_to_the_outbox_or_the_accounts_which_are_national_staffs()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.Users.Add(new AppUser { Id = "apu", UserName = "apu@demo.pe", Email = "apu@demo.pe", FullName = "UT Apurímac" });
            db.StaffScopeAreas.Add(new HakuWinay.Contests.Territories.StaffScopeArea("apu", "03"));
            await db.SaveChangesAsync();
        }
        SignInAs("apu", "apu@demo.pe", Roles.Admin);

        var cut = Render<NavMenu>();

        Assert.Equal(["Inicio", "Concursos", "Administración", "Gestión de concursos", "Grupos", "Programa", "Padrones"], Links(cut));
    }

    [Fact]
    public void The_language_switch_marks_spanish_and_links_back_to_the_current_page()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/producer");

        var cut = Render<NavMenu>();

        var spanish = cut.Find("a[lang='es-PE']");
        var english = cut.Find("a[lang='en']");
        Assert.Equal("true", spanish.GetAttribute("aria-current"));
        Assert.Null(english.GetAttribute("aria-current"));
        Assert.Equal("culture/set?culture=en&returnUrl=%2Fproducer", english.GetAttribute("href"));
    }

    [Fact]
    public void In_english_the_menu_speaks_english()
    {
        SetCulture("en");

        var cut = Render<NavMenu>();

        Assert.Equal(["Home", "Contests"], Links(cut));
        Assert.Contains("Sign in", cut.Markup);
    }
}
