using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Registries;

public sealed class RegistryChecksTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"registry-checks-{Guid.NewGuid():N}");
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await RegistryImportServiceTests.SeedCatalogAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task ImportAsync(RegistryKind kind, byte[] bytes)
    {
        var service = new RegistryImportService(_database, _time, new AttachmentStorage(_folder), new RegistryImportServiceTests.RecordingJobs());
        var outcome = await service.ImportAsync(RegistryImportServiceTests.Admin, kind, "padron.csv", bytes);
        Assert.Equal(RegistryImportResult.Imported, outcome.Result);
    }

    /// <summary>A group of Quinua with households 1–4 (DNIs 40000001…); households 3 and 4 declare Juntos.</summary>
    private async Task<ProducerGroup> CheckedGroupAsync()
    {
        await using var db = _database.CreateDbContext();
        var group = new ProducerGroup("Warmi Kallpa", LegalForm.InformalGroup, null, 1, GroupBuilder.Quinua, Instants.Now);
        for (var i = 1; i <= 4; i++)
        {
            group.AddHousehold($"Socia {i}", GroupBuilder.DniOf(i), Sex.Female, 1985, isJuntosUser: i >= 3, i == 1 ? HouseholdRole.President : HouseholdRole.Member);
        }
        await RegistryChecks.ApplyAsync(db, group, Instants.Now, CancellationToken.None);
        return group;
    }

    [Fact]
    public async Task Each_household_is_a_user_of_its_districts_project_or_not_and_juntos_verified_or_only_declared()
    {
        // Household 1 represents a padrón household, household 2 is a member of it, household 3 is in no padrón.
        await ImportAsync(RegistryKind.ProjectHouseholds, PadronRulesTests.Csv(PadronRulesTests.Header,
            $"AYQ-01,{GroupBuilder.DniOf(1)},Socia 1,F,,Muyurina,050108,{GroupBuilder.DniOf(2)}",
            $"AYQ-01,{GroupBuilder.DniOf(4)},Socia 4,F,,Muyurina,050108,"));
        await ImportAsync(RegistryKind.Juntos, RegistryImportServiceTests.JuntosPadron(GroupBuilder.DniOf(4), GroupBuilder.DniOf(2)));

        var checks = (await CheckedGroupAsync()).Households.Select(MemberCheck.Of).ToList();

        Assert.Equal(
            [
                (ProjectStanding.UserOfProject, "AYQ-01", JuntosStanding.NotJuntos),
                (ProjectStanding.UserOfProject, "AYQ-01", JuntosStanding.Verified),
                (ProjectStanding.NotInDistrictPadron, null, JuntosStanding.DeclaredNotVerified),
                (ProjectStanding.UserOfProject, "AYQ-01", JuntosStanding.Verified),
            ],
            checks.Select(c => (c.Project, c.ProjectCode, c.Juntos)));
        Assert.Equal([GroupBuilder.DniOf(3)], checks.Where(c => c.IsMismatch).Select(c => c.Dni));
    }

    [Fact]
    public async Task A_padron_of_another_districts_project_does_not_make_a_household_a_user()
    {
        await ImportAsync(RegistryKind.ProjectHouseholds, RegistryImportServiceTests.Padron("HZ-01", 1, firstDni: 40_000_001, district: "020101"));

        var check = MemberCheck.Of((await CheckedGroupAsync()).Households[0]);

        Assert.Equal(ProjectStanding.NotInDistrictPadron, check.Project);
    }

    [Fact]
    public async Task Only_the_current_version_of_a_padron_counts()
    {
        await ImportAsync(RegistryKind.Juntos, RegistryImportServiceTests.JuntosPadron(GroupBuilder.DniOf(3)));
        await ImportAsync(RegistryKind.Juntos, RegistryImportServiceTests.JuntosPadron(GroupBuilder.DniOf(4)));

        var group = await CheckedGroupAsync();

        Assert.Equal([false, false, false, true], group.Households.Select(h => h.IsJuntosVerified));
    }

    [Fact]
    public void The_ranking_counts_verified_juntos_households_not_declared_ones()
    {
        var group = new ProducerGroup("G", LegalForm.InformalGroup, null, 1, GroupBuilder.Quinua, Instants.Now);
        group.AddHousehold("Verificada", "40000001", Sex.Female, 1985, isJuntosUser: true, HouseholdRole.President).RecordRegistryCheck("P", true, Instants.Now);
        group.AddHousehold("Declarada", "40000002", Sex.Female, 1985, isJuntosUser: true, HouseholdRole.Member).RecordRegistryCheck("P", false, Instants.Now);
        group.AddHousehold("No declarada, en el padrón", "40000003", Sex.Male, 1985, isJuntosUser: false, HouseholdRole.Member).RecordRegistryCheck("P", true, Instants.Now);

        var facts = ResultsInputBuilder.FactsOf(group.Households, 2026);

        Assert.Equal(2, facts.Juntos);
    }

    [Fact]
    public void A_household_whose_dni_changes_loses_its_earlier_check()
    {
        var group = new ProducerGroup("G", LegalForm.InformalGroup, null, 1, GroupBuilder.Quinua, Instants.Now);
        var household = group.AddHousehold("Rosa", "40000001", Sex.Female, 1985, isJuntosUser: true, HouseholdRole.President);
        household.RecordRegistryCheck("P", true, Instants.Now);

        group.ReplaceHouseholds([new HouseholdData(household.Id, "Rosa", "40000009", Sex.Female, 1985, true, HouseholdRole.President)], Instants.Now);

        Assert.Equal((false, null as string, null as DateTime?), (household.IsJuntosVerified, household.RegistryProjectCode, household.RegistryCheckedAtUtc));
        Assert.Equal(ProjectStanding.NotChecked, MemberCheck.Of(household).Project);
    }
}
