using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// Issue 17's territories in the browser: Ayacucho (the demo) and Apurímac each have their own
/// Administrator and Technician. Each sees and acts only on its own territory; every scoped page and
/// download of the other answers 404; the national administrator sees both and widens a scope,
/// which the accounts page shows at once and the technician's next page follows.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class TerritoryJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    private const string ApurimacAdmin = "ut.apurimac@demo.hakuwinay.pe";
    private const string ApurimacTechnician = "yachachiq.apurimac@demo.hakuwinay.pe";
    private const string AyacuchoTechnician = "tecnico@demo.hakuwinay.pe";
    private const string ApurimacGroup = "Asociación de Criadores de Cuyes Talavera";

    [Fact]
    public async Task Each_territory_sees_and_acts_on_its_own_and_the_national_administrator_widens_a_scope()
    {
        var (apurimacContest, apurimacGroup, ayacuchoGroup, ayacuchoProfile) = await ApurimacTerritoryAsync();

        // The Apurímac Administrator: their contest and group, not Ayacucho's; verifies their group.
        var admin = await OpenPageAsync();
        await SignInAsync(admin, ApurimacAdmin, "/admin");
        await admin.GotoAsync("/admin/contests");
        await Expect(admin.GetByTestId("admin-contests")).ToContainTextAsync("APU-2026-01");
        await Expect(admin.GetByTestId("admin-contests")).Not.ToContainTextAsync("AYA-2026-01");
        await admin.GotoAsync($"/admin/contests/{apurimacContest}/edit");
        await Expect(admin.Locator("h1")).ToContainTextAsync("Andahuaylas 2026");
        await admin.GotoAsync("/admin/groups");
        await Expect(admin.GetByTestId("group-count")).ToContainTextAsync("1");
        await Expect(admin.GetByTestId("groups-grid")).ToContainTextAsync(ApurimacGroup);
        await admin.GetByTestId("groups-grid").GetByRole(AriaRole.Button, new() { Name = "Verificar" }).ClickAsync();
        await admin.GetByTestId("verify-confirm").GetByRole(AriaRole.Button, new() { Name = "Verificar", Exact = true }).ClickAsync();
        await Expect(admin.GetByTestId("verify-notice")).ToContainTextAsync(ApurimacGroup);

        // Every scoped page and download of Ayacucho answers 404 to Apurímac's staff, with the browser's own session.
        string[] ayacucho =
        [
            "/admin/contests/1/edit", "/admin/contests/1/lifecycle", "/admin/contests/1/submissions", "/admin/contests/1/submissions.csv",
            "/admin/contests/1/jurors", "/admin/contests/1/evaluation", "/admin/contests/1/score-sheets", "/admin/contests/1/results",
            "/admin/contests/1/results/preview/ranking.csv", "/admin/contests/1/results/dashboard/lines.csv", "/admin/contests/1/execution.csv",
            "/admin/contests/1/audit", "/contests/1/projector", "/contests/AYA-2026-01/projector", $"/groups/{ayacuchoGroup}",
            $"/profiles/{ayacuchoProfile}", $"/admin/profiles/{ayacuchoProfile}/eligibility", "/admin/accounts", "/admin/outbox",
        ];
        foreach (var url in ayacucho)
        {
            var response = await admin.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            Assert.True(response.Status == 404, $"{ApurimacAdmin} should get 404 from {url} but got {response.Status}");
        }
        ExpectConsoleError(Portal.Url("/admin/contests/1/edit"), "Failed to load resource: the server responded with a status of 404 (Not Found)");
        await admin.GotoAsync("/admin/contests/1/edit");
        await Expect(admin.GetByTestId("not-found")).ToBeVisibleAsync();

        // The technicians: each reaches the groups of their own region only.
        var apurimac = await OpenPageAsync(Devices.Phone);
        await SignInAsync(apurimac, ApurimacTechnician, "/technician");
        await apurimac.GotoAsync($"/groups/{apurimacGroup}");
        await Expect(apurimac.GetByTestId("group-name")).ToHaveTextAsync(ApurimacGroup);
        Assert.Equal(404, (await apurimac.Context.APIRequest.GetAsync($"/groups/{ayacuchoGroup}")).Status);
        Assert.Equal(404, (await apurimac.Context.APIRequest.GetAsync($"/profiles/{ayacuchoProfile}/edit")).Status);
        var ayacuchoTechnician = await OpenPageAsync(Devices.Phone);
        await SignInAsync(ayacuchoTechnician, AyacuchoTechnician, "/technician");
        Assert.Equal(404, (await ayacuchoTechnician.Context.APIRequest.GetAsync($"/groups/{apurimacGroup}")).Status);
        Assert.Equal(200, (await ayacuchoTechnician.Context.APIRequest.GetAsync($"/groups/{ayacuchoGroup}")).Status);

        // The national administrator sees both, and gives the Apurímac Technician Ayacucho as well.
        var national = await OpenPageAsync();
        await SignInAsync(national, AwardedDemo.AdminEmail, "/admin");
        await national.GotoAsync("/admin/contests");
        await Expect(national.GetByTestId("admin-contests")).ToContainTextAsync("APU-2026-01");
        await Expect(national.GetByTestId("admin-contests")).ToContainTextAsync("AYA-2026-01");
        await national.GotoAsync("/admin/accounts");
        await national.Locator("#account-search").FillAsync(ApurimacTechnician);
        await national.GetByTestId("account-filters").Locator("button[type=submit]").ClickAsync();
        var row = national.GetByTestId("accounts-grid").Locator("tbody tr").Filter(new() { HasText = ApurimacTechnician });
        await Expect(row.GetByTestId("account-scope")).ToHaveTextAsync("Apurímac");
        await row.GetByTestId("manage").ClickAsync();
        await national.GetByTestId("scope-region").SelectOptionAsync("05");
        await national.GetByTestId("scope-add").ClickAsync();
        await Expect(national.GetByTestId("scope-area-05")).ToBeVisibleAsync();
        await national.GetByTestId("scope-save").ClickAsync();
        await Expect(national.GetByTestId("account-notice")).ToContainTextAsync("ámbito");
        await Expect(row.GetByTestId("account-scope")).ToHaveTextAsync("Apurímac; Ayacucho");

        // The technician's next page follows the new scope.
        await apurimac.GotoAsync($"/groups/{ayacuchoGroup}");
        await Expect(apurimac.GetByTestId("group-name")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The padrones follow the territory (ADR 033), on a 360 px phone: the Apurímac Administrator sees
    /// neither Ayacucho's project nor the Juntos upload (a national list), an Ayacucho file is refused
    /// row by row and imports nothing, and their own project's padrón is imported.
    /// </summary>
    [Fact]
    public async Task On_a_phone_the_apurimac_administrator_imports_only_padrones_of_apurimac()
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            string nationalId;
            await using (var db = await factory.CreateDbContextAsync())
            {
                nationalId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
            }
            var imported = await scope.ServiceProvider.GetRequiredService<RegistryImportService>().ImportAsync(new ActingUser(nationalId, IsAdmin: true),
                RegistryKind.ProjectHouseholds, "aya.csv", Encoding.UTF8.GetBytes($"{RegistryJourney.Header}\r\nAYA-QUINUA,47320001,Rosa Quispe,F,,Muyurina,050108,\r\n"));
            Assert.Equal(RegistryImportResult.Imported, imported.Result);
        }
        var narrow = Devices.Phone;
        narrow.ViewportSize = new ViewportSize { Width = 360, Height = 740 };
        var phone = await OpenPageAsync(narrow);
        await SignInAsync(phone, ApurimacAdmin, "/admin");
        await phone.GotoAsync("/admin/registries");
        await Expect(phone.GetByTestId("registries-scope")).ToContainTextAsync("Apurímac");
        await Expect(phone.GetByTestId("juntos-national-only")).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-testid=registry-upload][data-kind=Juntos]")).ToHaveCountAsync(0);
        await Expect(phone.GetByTestId("registry-projects")).Not.ToContainTextAsync("AYA-QUINUA");

        var upload = phone.Locator("[data-testid=registry-upload][data-kind=ProjectHouseholds]");
        await RegistryJourney.UploadAsync(upload, RegistryJourney.Csv("padron-ayacucho.csv", RegistryJourney.Header, "AYA-HUANTA,47320011,Juan Huamán,M,,Muyurina,050108,", "AYA-HUANTA,47320012,Ana Sulca,F,,Muyurina,050108,"));
        await Expect(upload.GetByTestId("registry-error")).ToHaveTextAsync(
        [
            "Fila 2: el distrito «050108» está fuera de su ámbito territorial: usted no importa padrones de ese distrito.",
            "Fila 3: el distrito «050108» está fuera de su ámbito territorial: usted no importa padrones de ese distrito.",
        ]);
        await Expect(upload.GetByTestId("registry-import")).ToHaveCountAsync(0);

        await RegistryJourney.UploadAsync(upload, RegistryJourney.Csv("padron-chuspi.csv", RegistryJourney.Header, "APU-CHUSPI,71320001,Nilda Ccorimanya,F,1982-03-04,Chuspi,030216,"));
        await upload.GetByTestId("registry-import").ClickAsync();
        await Expect(upload.GetByTestId("registry-outcome")).ToHaveAttributeAsync("data-result", "Imported");
        await Expect(phone.GetByTestId("registry-project")).ToHaveAttributeAsync("data-code", "APU-CHUSPI");
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.False(await db.RegistryProjects.AnyAsync(p => p.Code == "AYA-HUANTA"));
        }

        // Their dashboard and menu offer no link to national staff's pages (each would answer 404).
        await phone.GotoAsync("/admin");
        await Expect(phone.GetByTestId("admin-dashboard")).ToBeVisibleAsync();
        await Expect(phone.Locator("a[href='admin/outbox'], a[href='admin/accounts'], a[href='admin/jobs']")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Apurímac's territory: a contest its Administrator creates and a group its Technician registers,
    /// through the same services the pages use (their forms are journeys of their own).
    /// </summary>
    private async Task<(int Contest, int Group, int AyacuchoGroup, int AyacuchoProfile)> ApurimacTerritoryAsync()
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        string adminId, technicianId;
        int ayacuchoGroup, ayacuchoProfile;
        await using (var db = await factory.CreateDbContextAsync())
        {
            adminId = await db.Users.Where(u => u.Email == ApurimacAdmin).Select(u => u.Id).SingleAsync();
            technicianId = await db.Users.Where(u => u.Email == ApurimacTechnician).Select(u => u.Id).SingleAsync();
            var profile = await db.BusinessProfiles.OrderBy(p => p.Id).FirstAsync();
            (ayacuchoGroup, ayacuchoProfile) = (profile.ProducerGroupId, profile.Id);
        }
        await using var scope = Portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = DateTime.UtcNow;
        var created = await services.GetRequiredService<ContestAdminService>().CreateAsync(adminId, new NewContest(
            "APU-2026-01", "Concurso de negocios rurales inclusivos Andahuaylas 2026", "03",
            new ContestTimeline(now.AddDays(1), now.AddDays(30), now.AddDays(35), now.AddDays(40), now.AddDays(45), now.AddDays(46)),
            "CLAR-DOS-ETAPAS", null));
        Assert.True(created.Succeeded, string.Join(", ", created.Violations.Select(v => v.Rule)));
        int lineId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            lineId = await db.ProductionLines.Select(l => l.Id).FirstAsync();
        }
        HouseholdData Household(int i, HouseholdRole role) => new(null, $"Integrante {i} Ccorimanya", $"7130000{i}", i % 2 == 0 ? Sex.Male : Sex.Female, 1980 + i, false, role);
        var registered = await services.GetRequiredService<GroupService>().RegisterAsync(
            new ActingUser(technicianId, IsTechnician: true),
            new GroupData(ApurimacGroup, LegalForm.InformalGroup, null, lineId, "030216", "Chuspi",
                [Household(1, HouseholdRole.President), Household(2, HouseholdRole.Treasurer), Household(3, HouseholdRole.Member), Household(4, HouseholdRole.Member)]),
            new AssistedRegistration(DateOnly.FromDateTime(LimaTime.ToLima(now)), null, null));
        Assert.True(registered.Succeeded, string.Join(", ", registered.Violations.Select(v => v.Rule)));
        return (created.Value, registered.Value, ayacuchoGroup, ayacuchoProfile);
    }
}
