using System.Text.Json;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Registries;

/// <summary>Projects written by hand on the padrón page: created, edited, audited, refused with their field, within the writer's scope.</summary>
public sealed class RegistryProjectServiceTests : IAsyncLifetime
{
    private static readonly ActingUser Admin = RegistryImportServiceTests.Admin;
    private static readonly ActingUser Scoped = new("admin-anc", IsAdmin: true);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"registry-project-test-{Guid.NewGuid():N}");
    private readonly ContestEvents _events = new(NullLogger<ContestEvents>.Instance);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await RegistryImportServiceTests.SeedCatalogAsync(_database);
        await using var db = _database.CreateDbContext();
        db.Users.Add(new Identity.AppUser { Id = Scoped.UserId, UserName = "anc@t.pe", Email = "anc@t.pe", FullName = "Áncash" });
        db.StaffScopeAreas.Add(new HakuWinay.Contests.Territories.StaffScopeArea(Scoped.UserId, "02"));
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

    private RegistryProjectService Service() => new(_database, _time, _events);

    private static ProjectInput Huamanga(string code = "hw-aya-01", params string[] districts) =>
        new(code, "Haku Wiñay Huamanga", "NEC Quinua", districts.Length == 0 ? ["050108", "050102"] : districts);

    [Fact]
    public async Task A_project_is_created_by_hand_audited_and_announced_to_the_padron_pages()
    {
        using var announced = new AnnouncementWaiter(_events);

        var created = await Service().CreateAsync(Admin, Huamanga());

        Assert.True(created.Succeeded, string.Join(", ", created.Violations.Select(v => v.Rule)));
        await announced.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var db = _database.CreateDbContext();
        var project = await db.RegistryProjects.Include(p => p.Districts).SingleAsync();
        Assert.Equal(("HW-AYA-01", "Haku Wiñay Huamanga", "NEC Quinua", "05"), (project.Code, project.Name, project.NecName, project.RegionCode));
        Assert.Equal(["050102", "050108"], project.Districts.Select(d => d.DistrictCode).Order());
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal(("registry.project-created", "HW-AYA-01", Admin.UserId), (audit.Action, audit.EntityId, audit.UserId));
        Assert.Contains("NEC Quinua", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_padron_imported_later_joins_the_hand_made_project()
    {
        await Service().CreateAsync(Admin, Huamanga("AYA-QUINUA"));

        var imported = await new RegistryImportService(_database, _time, new AttachmentStorage(_folder), new RegistryImportServiceTests.RecordingJobs(), _events)
            .ImportAsync(Admin, RegistryKind.ProjectHouseholds, "padron.csv", RegistryImportServiceTests.Padron("AYA-QUINUA", 3));

        Assert.Equal(RegistryImportResult.Imported, imported.Result);
        await using var db = _database.CreateDbContext();
        Assert.Equal("Haku Wiñay Huamanga", (await db.RegistryProjects.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_code_used_already_in_any_case_is_refused_and_nothing_is_written()
    {
        await Service().CreateAsync(Admin, Huamanga("HW-AYA-01"));

        var again = await Service().CreateAsync(Admin, Huamanga(" hw-aya-01 "));

        Assert.Equal(("Code", "ProjectRules.CodeTaken"), (Assert.Single(again.Violations).Field, again.Violations[0].Rule));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.RegistryProjects.CountAsync());
        Assert.Equal(1, await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task Two_administrators_creating_the_same_code_at_once_make_one_project()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Service().CreateAsync(Admin, Huamanga("HW-AYA-RACE")))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("ProjectRules.CodeTaken", Assert.Single(r.Violations).Rule));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.RegistryProjects.CountAsync());
    }

    [Fact]
    public async Task An_edit_renames_names_the_nec_and_changes_the_districts_but_keeps_the_code_and_is_audited()
    {
        var id = (await Service().CreateAsync(Admin, Huamanga())).Value;

        var edited = await Service().UpdateAsync(Admin, id, new ProjectInput("OTRO-CODIGO", "Huamanga norte", "  ", ["050102"]));

        Assert.True(edited.Succeeded);
        await using var db = _database.CreateDbContext();
        var project = await db.RegistryProjects.Include(p => p.Districts).SingleAsync();
        Assert.Equal(("HW-AYA-01", "Huamanga norte", null), (project.Code, project.Name, project.NecName));
        Assert.Equal(["050102"], project.Districts.Select(d => d.DistrictCode));
        var audit = await db.AuditLog.SingleAsync(a => a.Action == "registry.project-edited");
        Assert.Equal(["050102", "050108"], JsonDocument.Parse(audit.BeforeJson!).RootElement.GetProperty("districts").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_district_of_the_current_padron_cannot_be_dropped()
    {
        var id = (await Service().CreateAsync(Admin, Huamanga("AYA-QUINUA"))).Value;
        await new RegistryImportService(_database, _time, new AttachmentStorage(_folder), new RegistryImportServiceTests.RecordingJobs(), _events)
            .ImportAsync(Admin, RegistryKind.ProjectHouseholds, "padron.csv", RegistryImportServiceTests.Padron("AYA-QUINUA", 2, district: "050108"));

        var dropped = await Service().UpdateAsync(Admin, id, Huamanga("AYA-QUINUA", "050102"));

        Assert.Equal("ProjectRules.DistrictHasPadron", Assert.Single(dropped.Violations).Rule);
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.Set<RegistryProjectDistrict>().CountAsync());
    }

    [Fact]
    public async Task A_scoped_administrator_works_only_in_their_scope_and_others_cannot_write_projects()
    {
        var ayacucho = (await Service().CreateAsync(Admin, Huamanga())).Value;

        var outside = await Service().CreateAsync(Scoped, Huamanga("ANC-OUT"));
        var inside = await Service().CreateAsync(Scoped, new ProjectInput("ANC-01", "Huaraz", null, ["020101"]));
        var editOutside = await Service().UpdateAsync(Scoped, ayacucho, Huamanga());
        var technician = await Service().CreateAsync(new ActingUser("tech", IsTechnician: true), Huamanga("TEC-01"));

        Assert.Equal("ProjectRules.OutsideScope", Assert.Single(outside.Violations).Rule);
        Assert.True(inside.Succeeded);
        Assert.Equal(ServiceOutcome.NotFound, editOutside.Outcome);
        Assert.Null(await Service().FindAsync(Scoped, ayacucho));
        Assert.Equal(ServiceOutcome.Forbidden, technician.Outcome);
        Assert.Equal(["020101"], (await Service().DistrictChoicesAsync(Scoped)).Select(c => c.Code));
        Assert.Equal("Áncash · Huaraz · Huaraz", (await Service().DistrictChoicesAsync(Scoped))[0].Name);
    }

    /// <summary>Completes when the padrón pages are told of a change (events are delivered off the publisher's thread).</summary>
    private sealed class AnnouncementWaiter : IDisposable
    {
        private readonly TaskCompletionSource _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly IDisposable _subscription;

        public AnnouncementWaiter(ContestEvents events) => _subscription = events.Subscribe(ContestEvent.ProgrammeWide, e =>
        {
            if (e.Change == ContestChange.RegistryImportChanged)
            {
                _announced.TrySetResult();
            }
            return Task.CompletedTask;
        });

        public Task Task => _announced.Task;

        public void Dispose() => _subscription.Dispose();
    }
}
