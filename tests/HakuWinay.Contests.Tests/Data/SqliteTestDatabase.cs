using HakuWinay.Contests.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Data;

/// <summary>
/// Opens contexts on one SQLite database exactly as the portal does: the same provider setup
/// (<see cref="DatabaseSetup.Configure"/>) and the same version-stamping interceptor.
/// </summary>
internal sealed class SqliteContextFactory : IDbContextFactory<ContestsDbContext>
{
    private readonly DbContextOptions<ContestsDbContext> _options;

    public SqliteContextFactory(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<ContestsDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseSetup.ResolvedDatabase(DatabaseProvider.Sqlite, connectionString, "test"));
        builder.AddInterceptors(new VersionStampInterceptor());
        _options = builder.Options;
    }

    public ContestsDbContext CreateDbContext() => new(_options);
}

/// <summary>
/// A migrated SQLite database that lives as long as one test: in memory (shared cache, kept alive
/// by one open connection) or, when separate connections must really compete, in a temporary file.
/// </summary>
internal sealed class SqliteTestDatabase : IDbContextFactory<ContestsDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection? _keepAlive;
    private readonly string? _file;
    private readonly SqliteContextFactory _factory;

    private SqliteTestDatabase(string connectionString, SqliteConnection? keepAlive, string? file)
    {
        ConnectionString = connectionString;
        _keepAlive = keepAlive;
        _file = file;
        _factory = new SqliteContextFactory(connectionString);
    }

    public string ConnectionString { get; }

    public static async Task<SqliteTestDatabase> InMemoryAsync()
    {
        var connectionString = $"Data Source=contests-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();
        return await MigratedAsync(new SqliteTestDatabase(connectionString, keepAlive, file: null));
    }

    public static async Task<SqliteTestDatabase> TempFileAsync()
    {
        // On Linux the file goes to shared memory: a real file with real locks between connections,
        // without a disk fsync on every commit (which made a few hundred commits take seconds).
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var file = Path.Combine(folder, $"contests-test-{Guid.NewGuid():N}.db");
        // No pooling, so no connection outlives the test and the file can be deleted.
        var connectionString = $"Data Source={file};Pooling=False";
        return await MigratedAsync(new SqliteTestDatabase(connectionString, keepAlive: null, file));
    }

    public ContestsDbContext CreateDbContext() => _factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
        if (_file is not null)
        {
            foreach (var path in new[] { _file, _file + "-journal", _file + "-wal", _file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<SqliteTestDatabase> MigratedAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }
}
