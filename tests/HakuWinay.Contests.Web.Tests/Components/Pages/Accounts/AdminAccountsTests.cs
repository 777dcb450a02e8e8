using Bunit;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Accounts;

/// <summary>The accounts page over the demo portal: each action shows the account's new state at once.</summary>
public sealed class AdminAccountsTests : PortalComponentTestBase
{
    private const string AdminEmail = "admin@demo.hakuwinay.pe";
    private const string Producer = "grupo1@demo.hakuwinay.pe";

    private async Task<IRenderedComponent<AdminAccounts>> OpenAsAdminAsync()
    {
        string adminId;
        await using (var db = await Service<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync())
        {
            adminId = await db.Users.Where(u => u.Email == AdminEmail).Select(u => u.Id).SingleAsync();
        }
        SignInAs(adminId, AdminEmail, Roles.Admin);
        var cut = Render<AdminAccounts>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=accounts-grid] tbody tr [data-testid=manage]")));
        return cut;
    }

    private static void Search(IRenderedComponent<AdminAccounts> cut, string text)
    {
        cut.Find("#account-search").Change(text);
        cut.Find("[data-testid=account-filters]").Submit();
    }

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<AdminAccounts> cut) =>
        cut.FindAll("[data-testid=accounts-grid] tbody tr").Where(r => r.QuerySelector("[data-testid=manage]") is not null).ToList();

    [Fact]
    public async Task Deactivating_after_confirming_shows_the_account_deactivated_in_the_panel_and_the_grid()
    {
        var cut = await OpenAsAdminAsync();
        Search(cut, Producer);
        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));

        Rows(cut)[0].QuerySelector("[data-testid=manage]")!.Click();
        cut.Find("#deactivate-reason").Change("Dejó de representar al grupo");
        cut.Find("[data-testid=deactivate-form]").Submit();
        Assert.Contains("Sus sesiones abiertas se cerrarán", cut.Find("[data-testid=deactivate-confirm]").TextContent);
        cut.Find("[data-testid=deactivate-yes]").Click();

        cut.WaitForAssertion(() => Assert.Contains("quedó desactivada", cut.Find("[data-testid=account-notice]").TextContent));
        cut.WaitForAssertion(() => Assert.Equal("Desactivada", Rows(cut)[0].QuerySelector("[data-testid=account-status]")!.TextContent));
        Assert.Equal("Desactivada", cut.Find("[data-testid=account-panel] [data-testid=account-status]").TextContent);
        Assert.Contains("Dejó de representar al grupo", cut.Find("[data-testid=deactivation-note]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=reactivate]"));
        Assert.Empty(cut.FindAll("[data-testid=deactivate-form]"));

        cut.Find("[data-testid=reactivate]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Activa", Rows(cut)[0].QuerySelector("[data-testid=account-status]")!.TextContent));
        Assert.NotNull(cut.Find("[data-testid=deactivate-form]"));
    }

    [Fact]
    public async Task Deactivating_without_a_reason_asks_for_it_beside_the_field()
    {
        var cut = await OpenAsAdminAsync();
        Search(cut, Producer);
        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Rows(cut)[0].QuerySelector("[data-testid=manage]")!.Click();

        cut.Find("[data-testid=deactivate-form]").Submit();

        Assert.Contains("Este dato es obligatorio.", cut.Find("[data-testid=deactivate-form] .text-danger").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=deactivate-confirm]"));
    }

    [Fact]
    public async Task The_admin_sees_no_deactivation_of_their_own_account_and_granting_a_role_shows_at_once()
    {
        var cut = await OpenAsAdminAsync();
        Search(cut, AdminEmail);
        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Rows(cut)[0].QuerySelector("[data-testid=manage]")!.Click();

        Assert.Empty(cut.FindAll("[data-testid=deactivate-form]"));
        cut.Find("[data-testid=grant-Technician]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=revoke-Technician]")));
        cut.WaitForAssertion(() => Assert.Contains("Técnico(a) (yachachiq)", Rows(cut)[0].TextContent));
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("**grupo1** [x](javascript:alert(1)) <script>alert(1)</script>")]
    public async Task Hostile_search_text_finds_nothing_and_is_not_rendered_as_markup(string search)
    {
        var cut = await OpenAsAdminAsync();

        Search(cut, search);

        cut.WaitForAssertion(() => Assert.Empty(Rows(cut)));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("0 cuentas", cut.Find("[data-testid=account-count]").TextContent);
    }
}
