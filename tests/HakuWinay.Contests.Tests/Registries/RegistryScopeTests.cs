using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Registries;

/// <summary>
/// Padrones within a territory (ADR 033): a scoped administrator imports and sees only projects whose
/// every district is in their scope, the Juntos padrón is imported by national administrators alone
/// and its versions are seen by all; a refused file imports nothing and says why, row by row.
/// </summary>
public sealed class RegistryScopeTests : IAsyncLifetime
{
    private static readonly ActingUser Ancash = new("admin-anc", IsAdmin: true);
    private static readonly ActingUser Ayacucho = new("admin-aya", IsAdmin: true);
    private static readonly ActingUser Quinua = new("admin-qui", IsAdmin: true);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"registry-scope-{Guid.NewGuid():N}");
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await RegistryImportServiceTests.SeedCatalogAsync(_database);
        await using var db = _database.CreateDbContext();
        db.Users.Add(new Identity.AppUser { Id = "admin", UserName = "admin@t.pe", Email = "admin@t.pe", FullName = "Nacional" });
        ScopedStaff.Add(db, (Ancash.UserId, "02"), (Ayacucho.UserId, "05"), (Quinua.UserId, "050108"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private RegistryImportService Service() => new(_database, _time, new AttachmentStorage(_folder), new RegistryImportServiceTests.RecordingJobs(), new ContestEvents(NullLogger<ContestEvents>.Instance));

    private async Task<int> ImportsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.RegistryImports.CountAsync();
    }

    [Fact]
    public async Task A_padron_of_another_region_is_refused_row_by_row_and_nothing_is_imported()
    {
        var padron = RegistryImportServiceTests.Padron("AYQ-01", 3);

        var preview = await Service().PreviewAsync(Ancash, RegistryKind.ProjectHouseholds, padron);
        var outcome = await Service().ImportAsync(Ancash, RegistryKind.ProjectHouseholds, "padron.csv", padron);

        Assert.Equal([2, 3, 4], preview.Errors.Select(e => e.Row!.Value));
        Assert.All(preview.Errors, e => Assert.Equal(("Registry.DistrictOutsideScope", "050108"), (e.Rule, (string)e.Arguments[0])));
        Assert.Equal(RegistryImportResult.Rejected, outcome.Result);
        Assert.Equal(3, outcome.Errors.Count);
        Assert.Equal(0, await ImportsAsync());
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.RegistryProjects.ToListAsync());
    }

    [Fact]
    public async Task An_administrator_of_part_of_a_project_cannot_replace_its_padron_nor_sees_it()
    {
        // Acocro and Quinua: the Ayacucho administrator's project, half outside the Quinua administrator's district.
        var both = RegistryImportServiceTests.Padron("AYQ-01", 2).Concat(Rows("AYQ-01", 42_000_000, "050102")).ToArray();
        Assert.Equal(RegistryImportResult.Imported, (await Service().ImportAsync(Ayacucho, RegistryKind.ProjectHouseholds, "padron.csv", both)).Result);

        var quinuaOnly = await Service().ImportAsync(Quinua, RegistryKind.ProjectHouseholds, "padron.csv", RegistryImportServiceTests.Padron("AYQ-01", 4));

        Assert.Equal(RegistryImportResult.Rejected, quinuaOnly.Result);
        Assert.Equal(("Registry.ProjectOutsideScope", (int?)null), (Assert.Single(quinuaOnly.Errors).Rule, quinuaOnly.Errors[0].Row));
        Assert.Equal(1, await ImportsAsync());
        var queries = new RegistryQueries(_database);
        Assert.Empty(await queries.ProjectsAsync(StaffScope.Of(["050108"])));
        Assert.Empty(await queries.VersionsAsync(RegistryKind.ProjectHouseholds, StaffScope.Of(["050108"])));
        Assert.Empty(await queries.ProjectsAsync(StaffScope.Of(["02"])));
        Assert.Equal(["AYQ-01"], (await queries.ProjectsAsync(StaffScope.Of(["05"]))).Select(p => p.Code));
        Assert.Single(await queries.VersionsAsync(RegistryKind.ProjectHouseholds, StaffScope.Of(["05"])));
        Assert.Equal(["AYQ-01"], (await queries.ProjectsAsync()).Select(p => p.Code));
    }

    [Fact]
    public async Task The_juntos_padron_is_imported_by_national_administrators_only_and_its_versions_are_seen_by_all()
    {
        var juntos = RegistryImportServiceTests.JuntosPadron("41000000", "41000001");

        var preview = await Service().PreviewAsync(Ayacucho, RegistryKind.Juntos, juntos);
        var scoped = await Service().ImportAsync(Ayacucho, RegistryKind.Juntos, "juntos.csv", juntos);

        Assert.Equal("Registry.JuntosNationalOnly", Assert.Single(preview.Errors).Rule);
        Assert.Equal((RegistryImportResult.Rejected, "Registry.JuntosNationalOnly"), (scoped.Result, Assert.Single(scoped.Errors).Rule));
        Assert.Equal(0, await ImportsAsync());
        Assert.Equal(RegistryImportResult.Imported, (await Service().ImportAsync(RegistryImportServiceTests.Admin, RegistryKind.Juntos, "juntos.csv", juntos)).Result);
        Assert.Single(await new RegistryQueries(_database).VersionsAsync(RegistryKind.Juntos, StaffScope.Of(["02"])));
    }

    [Fact]
    public void A_project_is_reached_when_every_district_of_it_is_in_the_scope()
    {
        var place = TerritoryPlace.OfProject("05", ["050108", "050102"]);

        Assert.True(TerritoryRule.Reaches(StaffScope.Of(["05"]), isAdmin: true, isTechnician: false, place));
        Assert.True(TerritoryRule.Reaches(StaffScope.Of(["050108", "050102"]), isAdmin: true, isTechnician: false, place));
        Assert.False(TerritoryRule.Reaches(StaffScope.Of(["050108"]), isAdmin: true, isTechnician: false, place));
        Assert.False(TerritoryRule.Reaches(StaffScope.Of(["05"]), isAdmin: false, isTechnician: true, place));
        Assert.True(TerritoryRule.Reaches(StaffScope.National, isAdmin: true, isTechnician: false, place));
        Assert.True(TerritoryRule.Reaches(StaffScope.Of(["05"]), isAdmin: true, isTechnician: false, TerritoryPlace.OfProject("05", [])));
        Assert.False(TerritoryRule.Reaches(StaffScope.Of(["0501"]), isAdmin: true, isTechnician: false, TerritoryPlace.OfProject("05", [])));
    }

    /// <summary>Padrón rows without the header, to append to <see cref="RegistryImportServiceTests.Padron"/>.</summary>
    private static byte[] Rows(string project, int firstDni, string district)
    {
        var text = System.Text.Encoding.UTF8.GetString(RegistryImportServiceTests.Padron(project, 1, firstDni, district));
        return System.Text.Encoding.UTF8.GetBytes(text[(text.IndexOf("\r\n", StringComparison.Ordinal) + 2)..]);
    }
}
