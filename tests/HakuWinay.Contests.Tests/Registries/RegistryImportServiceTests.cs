using System.Text;
using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Registries;

public sealed class RegistryImportServiceTests : IAsyncLifetime
{
    internal static readonly ActingUser Admin = new("admin", IsAdmin: true);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"registry-test-{Guid.NewGuid():N}");
    private readonly RecordingJobs _jobs = new();
    private readonly ContestEvents _events = new(NullLogger<ContestEvents>.Instance);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await SeedCatalogAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    internal static async Task SeedCatalogAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        db.Regions.AddRange(new Region("05", "Ayacucho"), new Region("02", "Áncash"));
        db.Provinces.AddRange(new Province("0501", "Huamanga"), new Province("0201", "Huaraz"));
        db.Districts.AddRange(new District("050108", "Quinua"), new District("050102", "Acocro"), new District("020101", "Huaraz"));
        await db.SaveChangesAsync();
    }

    private RegistryImportService Service() => new(_database, _time, new AttachmentStorage(_folder), _jobs, _events);

    internal static byte[] Padron(string project, int households, int firstDni = 41_000_000, string district = "050108", string centro = "Muyurina")
    {
        var text = new StringBuilder(PadronRulesTests.Header).Append("\r\n");
        for (var i = 0; i < households; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{project},{firstDni + i},Persona {i},F,1980-01-01,{centro},{district},\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    internal static byte[] JuntosPadron(params string[] dnis) =>
        Encoding.UTF8.GetBytes("dni_titular,ubigeo_distrito,periodo\r\n" + string.Concat(dnis.Select(d => $"{d},050108,2026-10\r\n")));

    [Fact]
    public async Task A_first_padron_creates_its_project_and_becomes_version_one_audited()
    {
        var outcome = await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "C:\\Users\\ut\\padron.csv", Padron("AYQ-01", 3));

        Assert.Equal((RegistryImportResult.Imported, 1), (outcome.Result, outcome.Version!.Value));
        await using var db = _database.CreateDbContext();
        var project = await db.RegistryProjects.Include(p => p.Districts).SingleAsync();
        Assert.Equal(("AYQ-01", "05"), (project.Code, project.RegionCode));
        Assert.Equal(["050108"], project.Districts.Select(d => d.DistrictCode));
        var import = await db.RegistryImports.SingleAsync();
        Assert.Equal((true, RegistryImportStatus.Completed, 3, 3, "padron.csv"), (import.IsCurrent, import.Status, import.Rows, import.People, import.FileName));
        Assert.Equal(3, await db.RegistryHouseholds.CountAsync());
        Assert.Equal(["registry.imported", "registry.project-created"], await db.AuditLog.Select(a => a.Action).OrderBy(a => a).ToListAsync());
    }

    [Fact]
    public async Task The_same_rows_twice_change_nothing()
    {
        await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "a.csv", Padron("AYQ-01", 3));

        var again = await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "b.csv", Padron("AYQ-01", 3));
        var preview = await Service().PreviewAsync(Admin, RegistryKind.ProjectHouseholds, Padron("AYQ-01", 3));

        Assert.Equal((RegistryImportResult.Unchanged, 1), (again.Result, again.Version!.Value));
        Assert.True(preview.Unchanged);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.RegistryImports.CountAsync());
        Assert.Equal(3, await db.RegistryHouseholds.CountAsync());
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "registry.imported"));
    }

    [Fact]
    public async Task A_changed_padron_is_the_next_version_and_the_earlier_one_is_kept_but_not_current()
    {
        await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "a.csv", Padron("AYQ-01", 3));

        var second = await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "b.csv", Padron("AYQ-01", 4));

        Assert.Equal(2, second.Version);
        await using var db = _database.CreateDbContext();
        var versions = await db.RegistryImports.OrderBy(i => i.Version).Select(i => new { i.Version, i.IsCurrent, i.Rows }).ToListAsync();
        Assert.Equal([(1, false, 3), (2, true, 4)], versions.Select(v => (v.Version, v.IsCurrent, v.Rows)));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_creates_no_project()
    {
        var bytes = PadronRulesTests.Csv(PadronRulesTests.Header,
            "AYQ-01,41000001,Rosa,F,,Muyurina,050108,",
            "AYQ-01,123,Juan,M,,Muyurina,050108,");

        var outcome = await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "a.csv", bytes);

        Assert.Equal(RegistryImportResult.Rejected, outcome.Result);
        Assert.Equal(("Registry.BadDni", 3), (outcome.Errors[0].Rule, outcome.Errors[0].Row!.Value));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.RegistryProjects.AnyAsync());
        Assert.False(await db.RegistryImports.AnyAsync());
        Assert.False(await db.RegistryHouseholds.AnyAsync());
    }

    [Fact]
    public async Task Only_an_administrator_imports()
    {
        var technician = new ActingUser("tech", IsTechnician: true);

        var outcome = await Service().ImportAsync(technician, RegistryKind.Juntos, "j.csv", JuntosPadron("41000001"));
        var preview = await Service().PreviewAsync(technician, RegistryKind.Juntos, JuntosPadron("41000001"));

        Assert.Equal(RegistryImportResult.Forbidden, outcome.Result);
        Assert.Equal("Registry.AdminsOnly", Assert.Single(preview.Errors).Rule);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.RegistryImports.AnyAsync());
    }

    [Fact]
    public async Task A_large_padron_is_queued_and_its_job_writes_it_in_batches_announcing_each()
    {
        var rows = RegistryImportService.InlineRowLimit + 1 + (2 * RegistryImportService.BatchSize);
        // Queued, started, one per batch (four), completed: six at least. Events reach their
        // subscribers off the publisher's thread, so the count is awaited, never read at once.
        const int Expected = 6;
        var announced = 0;
        var allAnnounced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listening = _events.Subscribe(ContestEvent.ProgrammeWide, _ =>
        {
            if (Interlocked.Increment(ref announced) >= Expected)
            {
                allAnnounced.TrySetResult();
            }
            return Task.CompletedTask;
        });

        var outcome = await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "grande.csv", Padron("AYQ-01", rows));

        Assert.Equal(RegistryImportResult.Queued, outcome.Result);
        var queued = Assert.Single(_jobs.Queued);
        await using (var db = _database.CreateDbContext())
        {
            var pending = await db.RegistryImports.SingleAsync();
            Assert.Equal((RegistryImportStatus.Pending, false, 0), (pending.Status, pending.IsCurrent, await db.RegistryHouseholds.CountAsync()));
        }

        await new RegistryImportJob(Service()).RunAsync(queued, CancellationToken.None);
        // A second run (a retry, a duplicate enqueue) finds the import finished and does nothing.
        await new RegistryImportJob(Service()).RunAsync(queued, CancellationToken.None);

        await using var check = _database.CreateDbContext();
        var import = await check.RegistryImports.SingleAsync();
        Assert.Equal((RegistryImportStatus.Completed, true, rows, null as string), (import.Status, import.IsCurrent, import.ProcessedRows, import.StorageName));
        Assert.Equal(rows, await check.RegistryHouseholds.CountAsync());
        Assert.Empty(Directory.EnumerateFiles(_folder));
        await allAnnounced.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_job_that_crashed_halfway_writes_its_rows_again_from_the_first()
    {
        var rows = RegistryImportService.InlineRowLimit + 10;
        var outcome = await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "grande.csv", Padron("AYQ-01", rows));
        await using (var db = _database.CreateDbContext())
        {
            // What a crashed run leaves: the import started, some rows written.
            var import = await db.RegistryImports.SingleAsync();
            import.Start();
            db.RegistryHouseholds.Add(new RegistryHousehold(import.Id, new PadronHouseholdRow(2, "41000000", "Persona 0", null, null, "Muyurina", "050108", [])));
            await db.SaveChangesAsync();
        }

        await Service().RunAsync(outcome.ImportId!.Value);

        await using var check = _database.CreateDbContext();
        Assert.Equal(rows, await check.RegistryHouseholds.CountAsync());
        Assert.True((await check.RegistryImports.SingleAsync()).IsCurrent);
    }

    [Fact]
    public async Task The_juntos_padron_is_versioned_on_its_own()
    {
        var first = await Service().ImportAsync(Admin, RegistryKind.Juntos, "j1.csv", JuntosPadron("41000001", "41000002"));
        var second = await Service().ImportAsync(Admin, RegistryKind.Juntos, "j2.csv", JuntosPadron("41000001"));

        Assert.Equal((1, 2), (first.Version!.Value, second.Version!.Value));
        await using var db = _database.CreateDbContext();
        var current = await db.RegistryImports.SingleAsync(i => i.IsCurrent);
        Assert.Equal((RegistryKind.Juntos, null as int?, 2), (current.Kind, current.RegistryProjectId, current.Version));
        Assert.Equal(["41000001"], await db.JuntosEntries.Where(j => j.RegistryImportId == current.Id).Select(j => j.Dni).ToListAsync());
    }

    [Fact]
    public async Task The_page_queries_list_projects_with_their_current_version_and_every_version_newest_first()
    {
        await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "a.csv", Padron("AYQ-01", 3));
        await Service().ImportAsync(Admin, RegistryKind.ProjectHouseholds, "b.csv", Padron("AYQ-01", 4));
        await Service().ImportAsync(Admin, RegistryKind.Juntos, "j.csv", JuntosPadron("41000001"));
        var queries = new RegistryQueries(_database);

        var project = Assert.Single(await queries.ProjectsAsync());
        var versions = await queries.VersionsAsync(RegistryKind.ProjectHouseholds);
        var juntos = Assert.Single(await queries.VersionsAsync(RegistryKind.Juntos));

        Assert.Equal(("AYQ-01", 2, 4), (project.Code, project.Current!.Version, project.Current.Rows));
        Assert.Equal(("05", "Ayacucho"), (project.RegionCode, project.RegionName));
        Assert.Equal([(2, true, "b.csv"), (1, false, "a.csv")], versions.Select(v => (v.Version, v.IsCurrent, v.FileName)));
        Assert.Equal(("Juntos", 1), (juntos.Padron, juntos.Version));
        Assert.Equal(juntos, await queries.ImportAsync(juntos.ImportId));
    }

    internal sealed class RecordingJobs : IRegistryImportJobs
    {
        public List<int> Queued { get; } = [];

        public void Enqueue(int importId) => Queued.Add(importId);
    }
}
