using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// The padrones (issue 17): an administrator imports a project's padrón and the Juntos padrón, after
/// a bad file is refused with its row errors and nothing imported; registers a group of Quinua on its
/// behalf with one member outside the padrón and one declared Juntos household that the Juntos
/// padrón does not list; the eligibility checklist shows both; the priority bonus counts only the
/// verified Juntos household.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class RegistryJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    internal const string Header = "codigo_proyecto,dni_representante,nombres,sexo,fecha_nacimiento,centro_poblado,ubigeo_distrito,dni_miembros";

    // The three households of the group: in both padrones; in neither; in the project's padrón (as a member) but not in Juntos's.
    private const string Verified = "47310001";
    private const string Outside = "47310002";
    private const string DeclaredOnly = "47310003";

    internal static FilePayload Csv(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n") };

    [Fact]
    public async Task Padrones_are_imported_a_bad_file_imports_nothing_and_the_checks_reach_eligibility_and_the_bonus()
    {
        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await admin.GotoAsync("/admin/registries");
        var project = admin.Locator("[data-testid=registry-upload][data-kind=ProjectHouseholds]");
        var juntos = admin.Locator("[data-testid=registry-upload][data-kind=Juntos]");
        await CreateAndEditAProjectByHandAsync(admin);

        // A bad file: its row errors, no import button, nothing imported.
        await UploadAsync(project, Csv("padron-con-errores.csv", Header,
            $"AYA-QUINUA,{Verified},Rosa Quispe Huamán,F,1985-04-12,Muyurina,050108,",
            $"AYA-QUINUA,4731,Juan Huamán,M,,Muyurina,050108,",
            $"AYA-QUINUA,47310009,Ana Sulca,F,,Muyurina,999999,"));
        await Expect(project.GetByTestId("registry-error")).ToHaveTextAsync(
        [
            "Fila 3: dni_representante «4731» no es un DNI de 8 dígitos.",
            "Fila 4: el distrito «999999» no está en el catálogo de ubigeos del INEI.",
        ]);
        await Expect(project.GetByTestId("registry-import")).ToHaveCountAsync(0);
        // The demo's project (seed-data/demo) and the one made by hand above; the refused file made none.
        await Expect(admin.GetByTestId("registry-project")).ToHaveCountAsync(2);
        await Expect(admin.Locator("[data-testid=registry-project][data-code=AYA-QUINUA]")).ToHaveCountAsync(0);

        // The good padrón: previewed, imported, and the projects' table follows without a reload.
        await UploadAsync(project, Csv("padron-aya-quinua.csv", Header,
            $"AYA-QUINUA,{Verified},Rosa Quispe Huamán,F,1985-04-12,Muyurina,050108,{DeclaredOnly}",
            "AYA-QUINUA,47310010,Juan Huamán Sulca,M,1979-02-03,Muyurina,050108,"));
        await Expect(project.GetByTestId("registry-summary")).ToContainTextAsync("AYA-QUINUA (nuevo: se creará)");
        await project.GetByTestId("registry-import").ClickAsync();
        await Expect(project.GetByTestId("registry-outcome")).ToHaveAttributeAsync("data-result", "Imported");
        await Expect(admin.Locator("[data-testid=registry-project][data-code=AYA-QUINUA]")).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-testid=registry-project][data-code=AYA-QUINUA] [data-testid=registry-project-region]")).ToHaveTextAsync("Ayacucho");

        await UploadAsync(juntos, Csv("juntos-2026-10.csv", "dni_titular,ubigeo_distrito,periodo", $"{Verified},050108,2026-10", "47310011,050108,2026-10"));
        await juntos.GetByTestId("registry-import").ClickAsync();
        await Expect(juntos.GetByTestId("registry-outcome")).ToHaveAttributeAsync("data-result", "Imported");
        // It replaces the demo's Juntos padrón as the current version.
        await Expect(admin.GetByTestId("juntos-versions").Locator("[data-testid=registry-version][data-current=true]")).ToContainTextAsync("juntos-2026-10.csv");
        await Expect(admin.GetByTestId("juntos-versions").Locator("[data-testid=registry-version][data-current=true]")).ToHaveCountAsync(1);

        // The same Juntos file again changes nothing.
        await UploadAsync(juntos, Csv("juntos-copia.csv", "dni_titular,ubigeo_distrito,periodo", "47310011,050108,2026-10", $"{Verified},050108,2026-10"));
        await Expect(juntos.GetByTestId("registry-unchanged")).ToBeVisibleAsync();
        await Expect(juntos.GetByTestId("registry-import")).ToHaveCountAsync(0);

        var groupName = $"Warmi Kallpa de Muyurina {Guid.NewGuid():N}"[..34];
        await RegisterGroupAsync(admin, groupName);
        var households = admin.GetByTestId("households").Locator("tbody tr");
        await Expect(households.Filter(new() { HasText = Verified }).GetByTestId("household-juntos")).ToHaveTextAsync("verificado");
        await Expect(households.Filter(new() { HasText = DeclaredOnly }).GetByTestId("household-juntos")).ToHaveTextAsync("declarado, no verificado");
        await Expect(households.Filter(new() { HasText = Outside }).GetByTestId("household-project"))
            .ToHaveTextAsync("no figura en el padrón de ningún proyecto del distrito");

        var (contestId, profileId) = await SubmitProfileForAsync(groupName);
        await admin.GotoAsync($"/admin/profiles/{profileId}/eligibility");
        var mismatches = admin.GetByTestId("registry-mismatch");
        await Expect(mismatches).ToHaveCountAsync(2);
        await Expect(mismatches.Filter(new() { HasText = Outside })).ToContainTextAsync("no figura en el padrón de ningún proyecto del distrito");
        await Expect(mismatches.Filter(new() { HasText = DeclaredOnly })).ToContainTextAsync("declarado, no verificado");
        await Expect(admin.GetByTestId("registry-check").Filter(new() { HasText = Verified })).ToHaveAttributeAsync("data-juntos", "Verified");
        await DeclareEligibleAsync(admin);

        await ExpectBonusCountsOnlyTheVerifiedHouseholdAsync(contestId, profileId);
        await admin.GotoAsync($"/admin/contests/{contestId}/results/dashboard");
        await Expect(admin.Locator("[data-testid=dashboard-share][data-kind=JuntosDeclaredOnly]")).ToBeVisibleAsync();
    }

    /// <summary>
    /// A project written by hand (no file): it reaches the projects' table without a reload (the page's
    /// marker survives), refuses its own code a second time next to the field, and its "Editar" link
    /// opens it in the form, code locked, where a new NEC is saved and shown.
    /// </summary>
    private static async Task CreateAndEditAProjectByHandAsync(IPage admin)
    {
        await admin.EvaluateAsync("() => window.registryJourneyMarker = 'same page'");
        var form = admin.GetByTestId("project-form");
        await Expect(form.Locator("#project-code")).ToBeEnabledAsync();
        await form.Locator("#project-code").FillAsync("aya-acos");
        await form.Locator("#project-name").FillAsync("Haku Wiñay Acos Vinchos");
        await form.Locator("#project-nec").FillAsync("NEC Acos Vinchos");
        await form.Locator("#project-region").SelectOptionAsync("05");
        await form.Locator("#d-050103").CheckAsync();
        await form.GetByTestId("project-save").ClickAsync();
        await Expect(form.GetByTestId("project-saved")).ToHaveTextAsync("Proyecto AYA-ACOS guardado.");
        var row = admin.Locator("[data-testid=registry-project][data-code=AYA-ACOS]");
        await Expect(row.GetByTestId("registry-project-nec")).ToHaveTextAsync("Núcleo Ejecutor Central (NEC): NEC Acos Vinchos");
        Assert.Equal("same page", await admin.EvaluateAsync<string>("() => window.registryJourneyMarker"));

        await form.Locator("#project-code").FillAsync("AYA-ACOS");
        await form.Locator("#project-name").FillAsync("Otro");
        await form.Locator("#d-050103").CheckAsync();
        await form.GetByTestId("project-save").ClickAsync();
        await Expect(form.Locator(".text-danger")).ToHaveTextAsync("Ya existe un proyecto con el código AYA-ACOS.");

        await row.GetByTestId("registry-project-edit").ClickAsync();
        await Expect(form).ToHaveAttributeAsync("data-mode", "edit");
        await Expect(form.Locator("#project-code")).ToBeDisabledAsync();
        await Expect(form.Locator("#project-name")).ToHaveValueAsync("Haku Wiñay Acos Vinchos");
        await Expect(form.Locator("#project-nec")).ToBeEnabledAsync();
        await form.Locator("#project-nec").FillAsync("NEC Haku Wiñay Acos Vinchos");
        await form.GetByTestId("project-save").ClickAsync();
        await Expect(form.GetByTestId("project-saved")).ToHaveTextAsync("Proyecto AYA-ACOS guardado.");
        await Expect(row.GetByTestId("registry-project-nec")).ToHaveTextAsync("Núcleo Ejecutor Central (NEC): NEC Haku Wiñay Acos Vinchos");
        await admin.GotoAsync("/admin/registries");
    }

    internal static async Task UploadAsync(ILocator upload, FilePayload file)
    {
        var input = upload.Locator("input[type=file]");
        await Expect(input).ToBeEnabledAsync();
        await input.SetInputFilesAsync(file);
        await Expect(upload.GetByTestId("registry-preview")).ToContainTextAsync(file.Name);
    }

    /// <summary>An administrator registers the group on its behalf, with the consent of yesterday (the representative's account is invited by email).</summary>
    private static async Task RegisterGroupAsync(IPage admin, string groupName)
    {
        await admin.GotoAsync("/groups/new");
        await admin.Locator("#name").FillAsync(groupName);
        await admin.Locator("#line").SelectOptionAsync(new SelectOptionValue { Label = "Crianza de cuyes" });
        await admin.Locator("#district").SelectOptionAsync(new SelectOptionValue { Label = "Quinua" });
        await admin.Locator("#centro").FillAsync("Muyurina");
        await admin.Locator("#rep-email").FillAsync($"rep-{Guid.NewGuid():N}@example.pe");
        await admin.Locator("#rep-name").FillAsync("Rosa Quispe Huamán");
        await admin.Locator("#consent").FillAsync(DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        (string Name, string Dni, string Sex, string Role, bool Juntos)[] households =
        [
            ("Rosa Quispe Huamán", Verified, "Female", "President", true),
            ("Pedro Ccente Palomino", Outside, "Male", "Treasurer", false),
            ("Juana Huamán Sulca", DeclaredOnly, "Female", "Member", true),
        ];
        for (var i = 0; i < households.Length; i++)
        {
            var (name, dni, sex, role, declared) = households[i];
            await admin.Locator($"#h{i}-name").FillAsync(name);
            await admin.Locator($"#h{i}-dni").FillAsync(dni);
            await admin.Locator($"#h{i}-year").FillAsync("1985");
            await admin.Locator($"#h{i}-sex").SelectOptionAsync(sex);
            await admin.Locator($"#h{i}-role").SelectOptionAsync(role);
            await admin.Locator($"#h{i}-juntos").SetCheckedAsync(declared);
        }
        await admin.GetByRole(AriaRole.Button, new() { Name = "Registrar el grupo" }).ClickAsync();
        // A refusal names its field: said here rather than as a URL that did not change.
        await Expect(admin.Locator(".validation-message, .alert-danger")).ToHaveCountAsync(0);
        await Expect(admin).ToHaveURLAsync(GroupPage());
    }

    /// <summary>
    /// The group's business profile, submitted in the demo's open contest. Written through the domain
    /// rather than the editor: SubmissionJourney walks the editor; this journey is about the padrones.
    /// </summary>
    private async Task<(int ContestId, int ProfileId)> SubmitProfileForAsync(string groupName)
    {
        var now = DateTime.UtcNow;
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        var contest = await db.Contests.Include(c => c.Categories).SingleAsync(c => c.Code == "AYA-2026-01");
        var group = await db.ProducerGroups.SingleAsync(g => g.Name == groupName);
        var profile = new BusinessProfile(contest.Id, contest.Categories.OrderBy(c => c.Order).First().Id, group.Id, now);
        profile.WriteSection(ProfileSection.Title, "Crianza tecnificada de cuyes en Muyurina", now);
        profile.AddLine("Galpón mejorado", InvestmentCategory.Infrastructure, "unidad", 1, 5_000m, FinancedBy.Fund, now);
        profile.AddLine("Mano de obra de las socias", InvestmentCategory.InputsAndMaterials, "jornal", 20, 50m, FinancedBy.CounterpartInKind, now);
        profile.Submit(contest.NextProfileCode(now), now);
        db.BusinessProfiles.Add(profile);
        await db.SaveChangesAsync();
        return (contest.Id, profile.Id);
    }

    private static async Task DeclareEligibleAsync(IPage admin)
    {
        var items = admin.GetByTestId("checklist-item");
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            await items.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
        }
        await admin.Locator("#decision-eligible").CheckAsync();
        await admin.Locator("#reason").FillAsync("Cumple; dos hogares con observaciones de los padrones, revisadas en campo");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Registrar la decisión y avisar al grupo" }).ClickAsync();
        await Expect(admin.GetByTestId("eligibility-saved")).ToContainTextAsync("Elegible");
    }

    /// <summary>
    /// Two households of three declare Juntos; the padrón verifies one. A rule "Juntos from 50 %"
    /// would reward the declarations (67 %) but not the verified share (33 %); "from 30 %" rewards the verified one.
    /// </summary>
    private async Task ExpectBonusCountsOnlyTheVerifiedHouseholdAsync(int contestId, int profileId)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var built = (await scope.ServiceProvider.GetRequiredService<ResultsInputBuilder>().BuildAsync(contestId))!;
        var code = built.ProfileIds.Single(p => p.Value == profileId).Key;
        Assert.Equal(new GroupFacts(3, 2, 0, 1), built.Input.Profiles.Single(p => p.Code == code).Group);
        decimal BonusWith(decimal threshold)
        {
            var input = built.Input with { Rules = built.Input.Rules with { PriorityRules = [new PriorityRule(PriorityKind.Juntos, threshold, 5m)] } };
            return Ranking.Compute(input).Entries.Single(e => e.ProfileCode == code).Bonus;
        }
        Assert.Equal(0m, BonusWith(50m));
        Assert.Equal(5m, BonusWith(30m));
    }

    [GeneratedRegex(@"/groups/\d+\?registered=1$")]
    private static partial Regex GroupPage();
}
