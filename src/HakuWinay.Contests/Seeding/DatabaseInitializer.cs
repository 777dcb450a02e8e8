using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HakuWinay.Contests.Seeding;

public sealed record BootstrapAdminOptions(string? Email, string? Password);

/// <summary>
/// Runs at startup, before the portal takes requests: applies migrations, loads reference data,
/// creates the roles, the demo (Development only) and the first admin (from configuration).
/// Safe to run on every start and on several servers at once.
/// </summary>
public sealed class DatabaseInitializer(
    ContestsDbContext db,
    DatabaseSetup.ResolvedDatabase database,
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    DemoSeeder demo,
    DemoCycleSeeder demoCycle,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    // loadDemoCycle: with the demo, also its contests of every stage (DemoCycleSeeder).
    public async Task<DemoSeed?> InitializeAsync(SeedFolder seeds, bool loadDemo, BootstrapAdminOptions bootstrap, bool loadDemoCycle = false, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        await MigrateAsync(ct);
        var migrated = clock.GetElapsedTime(started);
        await ReferenceDataSeeder.SeedAsync(db, seeds, ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var referenced = clock.GetElapsedTime(started);
        var demoSeed = loadDemo ? await demo.SeedAsync(seeds, ct) : null;
        var demoSeeded = clock.GetElapsedTime(started);
        if (demoSeed is not null && loadDemoCycle)
        {
            await demoCycle.SeedAsync(demoSeed, seeds, ct);
        }
        var cycleSeeded = clock.GetElapsedTime(started);
        await EnsureBootstrapAdminAsync(bootstrap);
        // What a slow first start spends its time on, for docs/performance.md.
        logger.LogInformation(
            "Database ready in {Total:F0} ms: migrations {Migrations:F0} ms, reference data {Reference:F0} ms, demo {Demo:F0} ms, demo of every stage {Cycle:F0} ms.",
            clock.GetElapsedTime(started).TotalMilliseconds, migrated.TotalMilliseconds, (referenced - migrated).TotalMilliseconds,
            (demoSeeded - referenced).TotalMilliseconds, (cycleSeeded - demoSeeded).TotalMilliseconds);
        return demoSeed;
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await UseWriteAheadLogAsync(ct);
            }
            await RefuseUnknownHistoryAsync(ct);
            await db.Database.MigrateAsync(ct);
        }
        catch (DatabaseConfigurationException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DatabaseConfigurationException(
                $"Cannot open the {database.Provider} database named by the setting {database.SettingName}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// SQLite's write-ahead log, kept in the database file once set: pages read while a job or
    /// another tab writes, and a commit costs one flush to disk instead of the rollback journal's
    /// several (19 ms against 4 ms per commit measured here, which made most of the demo's first
    /// start). Synchronous stays FULL: a committed payment survives a power cut. Not for a file on
    /// a network share, which SQLite does not support anyway (README: SQLite is for one server).
    /// </summary>
    private async Task UseWriteAheadLogAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// A database made by a build from before the baseline migration (docs/decisions/019-…) has a
    /// history this build does not know; migrating it would fail on its first CREATE TABLE.
    /// </summary>
    private async Task RefuseUnknownHistoryAsync(CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseConfigurationException(
                $"The {database.Provider} database named by the setting {database.SettingName} was created by an earlier build " +
                $"(migration {unknown[0]} is not part of this one; see docs/decisions/019-one-baseline-migration-per-provider.md). " +
                "Delete it (in Development: the App_Data folder) and start again; the demo is seeded anew.");
        }
    }

    private async Task EnsureBootstrapAdminAsync(BootstrapAdminOptions bootstrap)
    {
        if (string.IsNullOrWhiteSpace(bootstrap.Email))
        {
            return;
        }
        var user = await users.FindByEmailAsync(bootstrap.Email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(bootstrap.Password))
            {
                throw new InvalidOperationException(
                    "Bootstrap:AdminEmail is set but Bootstrap:AdminPassword is not; set it in the environment (Bootstrap__AdminPassword).");
            }
            user = new AppUser
            {
                UserName = bootstrap.Email,
                Email = bootstrap.Email,
                EmailConfirmed = true,
                FullName = "Administrador",
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, bootstrap.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Cannot create the bootstrap admin {bootstrap.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            logger.LogInformation("Created the bootstrap administrator, account {UserId}.", user.Id);
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
        }
    }
}
