using Bunit;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Groups;

public sealed class AdminGroupsTests : ComponentTestBase
{
    public AdminGroupsTests()
    {
        // QuickGrid loads a small JS module for its column menus; the grid's data does not depend on it.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddScoped<GroupQueries>();
        Services.AddScoped<GroupService>();
        Services.AddSingleton<IPasswordSetupLinks, NoLinks>();
    }

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<AdminGroups> cut) =>
        cut.FindAll("[data-testid=groups-grid] tbody tr").Where(r => r.TextContent.Contains("Grupo", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task The_admin_verifies_a_pending_group_after_confirming()
    {
        var pending = await Database.AddGroupAsync("Grupo pendiente", "050108", null, 3, verified: false);
        await Database.AddGroupAsync("Grupo verificado", "050102", null, 3);
        SignInAs("admin", "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<AdminGroups>();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));

        cut.Find("[data-testid=groups-grid] button.btn-outline-success").Click();
        Assert.Contains("Grupo pendiente", cut.Find("[data-testid=verify-confirm]").TextContent);
        cut.Find("[data-testid=verify-confirm] button.btn-success").Click();

        cut.WaitForAssertion(() => Assert.Contains("«Grupo pendiente» quedó verificado.", cut.Find("[data-testid=verify-notice]").TextContent));
        await using var db = Database.CreateDbContext();
        var saved = await db.ProducerGroups.SingleAsync(g => g.Id == pending.Id);
        Assert.Equal("admin", saved.VerifiedByUserId);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "group.verified" && a.EntityId == pending.Id.ToString()));
        Assert.Empty(cut.FindAll("[data-testid=groups-grid] button.btn-outline-success"));
    }

    [Fact]
    public async Task Before_its_circuit_is_live_the_filters_and_verify_buttons_are_disabled()
    {
        await Database.AddGroupAsync("Grupo pendiente", "050108", null, 3, verified: false);
        SignInAs("admin", "admin@t.pe", Roles.Admin);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var cut = Render<AdminGroups>();

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        var filters = cut.Find("fieldset.live-fieldset");
        Assert.True(filters.HasAttribute("disabled"));
        Assert.NotNull(filters.QuerySelector("#f-verified"));
        Assert.True(cut.Find("[data-testid=groups-grid] button.btn-outline-success").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Cancelling_the_confirmation_verifies_nothing()
    {
        var pending = await Database.AddGroupAsync("Grupo pendiente", "050108", null, 3, verified: false);
        SignInAs("admin", "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<AdminGroups>();
        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));

        cut.Find("[data-testid=groups-grid] button.btn-outline-success").Click();
        cut.Find("[data-testid=verify-confirm] button.btn-outline-secondary").Click();

        Assert.Empty(cut.FindAll("[data-testid=verify-confirm]"));
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.ProducerGroups.SingleAsync(g => g.Id == pending.Id)).VerifiedAtUtc);
    }

    [Fact]
    public async Task The_list_filters_by_verification_and_flags_shared_dnis()
    {
        // Same name length, so the test database gives both groups the same DNIs.
        await Database.AddGroupAsync("Grupo Uno", "050108", null, 3, verified: false);
        await Database.AddGroupAsync("Grupo Dos", "050102", null, 3);
        SignInAs("admin", "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<AdminGroups>();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));
        Assert.All(Rows(cut), row => Assert.Contains("3 DNI en otro grupo", row.TextContent));

        cut.Find("#f-verified").Change("False");

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Contains("Grupo Uno", Rows(cut)[0].TextContent);
    }

    private sealed class NoLinks : IPasswordSetupLinks
    {
        public Task<string> CreateAsync(AppUser user, CancellationToken ct = default) => throw new InvalidOperationException("Not used by these tests.");
    }
}
