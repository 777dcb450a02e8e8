using Bunit;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Groups;

/// <summary>The representative's mobile in the staff's group form and on the group page (docs/decisions/037).</summary>
public sealed class RepresentativeMobileFieldTests : ComponentTestBase
{
    private async Task<(AppUser Technician, AppUser Representative, ProducerGroup WithoutAccount, ProducerGroup WithAccount)> ArrangeAsync()
    {
        Services.AddScoped<GroupService>();
        Services.AddScoped<GroupQueries>();
        Services.AddSingleton<IPasswordSetupLinks, NoLinks>();
        RenderAsLiveCircuit();
        var technician = await Database.AddUserAsync("tecnico@t.pe", Roles.Technician);
        var representative = await Database.AddUserAsync("rep@t.pe", Roles.Producer);
        var withoutAccount = await Database.AddGroupAsync("Warmi Kallpa", "050101", null, 4, verified: false);
        var withAccount = await Database.AddGroupAsync("Sumaq Cuy", "050101", representative.Id, 4, verified: false);
        return (technician, representative, withoutAccount, withAccount);
    }

    [Fact]
    public async Task A_landline_is_refused_beside_the_field_on_the_same_render_and_what_was_typed_stays()
    {
        var (technician, _, group, _) = await ArrangeAsync();
        SignInAs(technician.Id, technician.Email!, Roles.Technician);
        var cut = Render<EditGroup>(p => p.Add(x => x.Id, group.Id));
        cut.WaitForElement("#rep-mobile");

        cut.Find("#rep-mobile").Change("064 123456");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Escriba un celular peruano de 9 dígitos que empiece con 9",
            cut.Find("[data-testid=representative-mobile-field]").TextContent, StringComparison.Ordinal));
        Assert.Equal("064 123456", cut.Find("#rep-mobile").GetAttribute("value"));
        await using var db = Database.CreateDbContext();
        Assert.Null(await db.ProducerGroups.Where(g => g.Id == group.Id).Select(g => g.RepresentativeMobile).SingleAsync());
    }

    [Fact]
    public async Task Staff_see_the_saved_mobile_on_the_group_page_and_the_representative_sees_no_field_for_it()
    {
        var (technician, representative, _, group) = await ArrangeAsync();
        await using (var db = Database.CreateDbContext())
        {
            var saved = await db.ProducerGroups.SingleAsync(g => g.Id == group.Id);
            saved.ChangeRepresentativeMobile("+51987654321", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        SignInAs(technician.Id, technician.Email!, Roles.Technician);
        var page = Render<GroupPage>(p => p.Add(x => x.Id, group.Id));
        page.WaitForElement("[data-testid=representative-mobile]");
        Assert.Contains("+51 987 654 321", page.Find("[data-testid=representative-mobile]").TextContent, StringComparison.Ordinal);
        Assert.Contains("no se usa: el grupo tiene cuenta", page.Find("[data-testid=representative-mobile]").TextContent, StringComparison.Ordinal);
        var form = Render<EditGroup>(p => p.Add(x => x.Id, group.Id));
        form.WaitForElement("#rep-mobile");
        Assert.Equal("+51 987 654 321", form.Find("#rep-mobile").GetAttribute("value"));

        SignInAs(representative.Id, representative.Email!, Roles.Producer);
        var own = Render<EditGroup>(p => p.Add(x => x.Id, group.Id));
        own.WaitForElement("#name");
        Assert.Empty(own.FindAll("#rep-mobile"));
        var ownPage = Render<GroupPage>(p => p.Add(x => x.Id, group.Id));
        ownPage.WaitForElement("[data-testid=group-facts]");
        Assert.Empty(ownPage.FindAll("[data-testid=representative-mobile]"));
    }

    private sealed class NoLinks : IPasswordSetupLinks
    {
        public Task<string> CreateAsync(AppUser user, CancellationToken ct = default) => Task.FromResult("https://portal.test/account/set-password");
    }
}
