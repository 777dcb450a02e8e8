using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HakuWinay.Contests.Web.Tests.Hosting;

public sealed class StartupTests
{
    private sealed record RowCounts(int Lines, int Regions, int Provinces, int Districts, int Templates, int Contests, int Groups, int Households, int Users, int Roles, int JurorAppointments, int EligibleProfiles,
        int RegistryProjects, int PadronVersions, int PadronAudits, int ProjectUsers, int JuntosVerified, int JuntosDeclaredOnly);

    private static async Task<RowCounts> CountAsync(PortalFactory portal)
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return new RowCounts(
            await db.ProductionLines.CountAsync(), await db.Regions.CountAsync(), await db.Provinces.CountAsync(),
            await db.Districts.CountAsync(), await db.EvaluationTemplates.CountAsync(), await db.Contests.CountAsync(),
            await db.ProducerGroups.CountAsync(), await db.Households.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync(),
            await db.JurorAppointments.CountAsync(),
            await db.BusinessProfiles.CountAsync(p => p.Status == HakuWinay.Contests.Profiles.ProfileStatus.Eligible),
            await db.RegistryProjects.CountAsync(), await db.RegistryImports.CountAsync(),
            await db.AuditLog.CountAsync(a => a.Action.StartsWith("registry.")),
            await db.Households.CountAsync(h => h.RegistryProjectCode != null), await db.Households.CountAsync(h => h.IsJuntosVerified),
            await db.Households.CountAsync(h => h.IsJuntosUser && !h.IsJuntosVerified));
    }

    private static async Task<RowCounts> StartAndCountAsync(IDictionary<string, string?> settings)
    {
        using var portal = new PortalFactory(settings);
        using var client = portal.CreateClient();
        using var health = await client.GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());
        return await CountAsync(portal);
    }

    private static void AssertSeeded(RowCounts counts)
    {
        Assert.Equal(25, counts.Regions);
        Assert.Equal(12, counts.Provinces);
        Assert.True(counts.Districts > 100, $"{counts.Districts} districts");
        Assert.True(counts.Lines >= 15, $"{counts.Lines} production lines");
        Assert.Equal(1, counts.Templates);
        Assert.Equal(1, counts.Contests);
        Assert.Equal(8, counts.Groups);
        Assert.Equal(15, counts.Users);
        Assert.Equal(4, counts.Roles);
        // The three demo jurors, each on both stages of the demo contest.
        Assert.Equal(6, counts.JurorAppointments);
        // Groups 5 to 8 come with a profile declared eligible, ready for the jury.
        Assert.Equal(4, counts.EligibleProfiles);
        // The demo's padrones (seed-data/demo/padron-*.csv): one project written by hand, its padrón and
        // Juntos's, each one version, audited; of the 34 demo households one is outside the project's
        // padrón and one declared Juntos household is not in Juntos's.
        Assert.Equal((1, 2, 3), (counts.RegistryProjects, counts.PadronVersions, counts.PadronAudits));
        Assert.Equal((counts.Households - 1, 17, 1), (counts.ProjectUsers, counts.JuntosVerified, counts.JuntosDeclaredOnly));
    }

    [Fact]
    public async Task Startup_on_sqlite_migrates_and_seeds_and_a_second_start_adds_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "haku-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["DataFolder"] = folder,
                ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "twice.db")}",
            };

            var first = await StartAndCountAsync(settings);
            var second = await StartAndCountAsync(settings);

            AssertSeeded(first);
            Assert.Equal(first, second);
            await using var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "twice.db")}");
            await file.OpenAsync();
            await using var journal = file.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await journal.ExecuteScalarAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Startup_on_postgresql_migrates_and_seeds_and_a_second_start_adds_nothing()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPrerequisites.PostgresConnectionString);
        var database = "haku_startup_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:PostgreSql"] = connectionString,
            };

            var first = await StartAndCountAsync(settings);
            var second = await StartAndCountAsync(settings);

            AssertSeeded(first);
            Assert.Equal(first, second);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void A_broken_connection_string_stops_startup_with_a_message_naming_the_setting()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = "Host=127.0.0.1;Port=notaport;;==",
        });

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("ConnectionStrings:PostgreSql", Flatten(error));
    }

    [Fact]
    public void An_unreachable_database_stops_startup_with_a_message_naming_the_setting()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            // Port 1 on loopback: nothing listens there, so the connection is refused at once.
            ["ConnectionStrings:PostgreSql"] = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3",
        });

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("ConnectionStrings:PostgreSql", Flatten(error));
    }

    [Fact]
    public async Task A_database_from_a_build_before_the_baseline_stops_startup_with_a_message_saying_to_delete_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "haku-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "old.db");
        try
        {
            await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
            {
                await old.OpenAsync();
                await using var history = old.CreateCommand();
                history.CommandText = """
                    CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsHistory" VALUES ('20261123144118_Initial', '10.0.0');
                    CREATE TABLE "Contests" ("Id" INTEGER PRIMARY KEY);
                    """;
                await history.ExecuteNonQueryAsync();
            }
            using var portal = new PortalFactory(new Dictionary<string, string?>
            {
                ["DataFolder"] = folder,
                ["ConnectionStrings:Sqlite"] = $"Data Source={file}",
            });

            var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

            var message = Flatten(error);
            Assert.Contains("20261123144118_Initial", message);
            Assert.Contains("Delete it", message);
            Assert.Contains("ConnectionStrings:Sqlite", message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_provider_stops_startup_with_a_message_naming_the_setting()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        Assert.Contains("Database:Provider", Flatten(error));
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }
}
