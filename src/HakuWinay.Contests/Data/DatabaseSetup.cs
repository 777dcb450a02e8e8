using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HakuWinay.Contests.Data;

/// <summary>
/// Reads <c>Database:Provider</c> and <c>ConnectionStrings:&lt;Provider&gt;</c> and registers the
/// <see cref="ContestsDbContext"/> factory with the matching provider and migrations assembly.
/// </summary>
public static class DatabaseSetup
{
    public const string ProviderSetting = "Database:Provider";
    public const string MigrationsAssemblyPrefix = "HakuWinay.Contests.Migrations.";

    public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString, string SettingName);

    public static ResolvedDatabase Resolve(IConfiguration configuration, string dataFolder)
    {
        var providerText = configuration[ProviderSetting];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new DatabaseConfigurationException(
                $"The setting {ProviderSetting} is '{providerText}'; it must be Sqlite, SqlServer or PostgreSql.");
        }
        var settingName = $"ConnectionStrings:{provider}";
        var connectionString = configuration[settingName];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new DatabaseConfigurationException($"The setting {settingName} is empty; {provider} needs a connection string.");
            }
            connectionString = $"Data Source={Path.Combine(dataFolder, "hakuwinay.db")}";
        }
        Validate(provider, connectionString, settingName);
        return new ResolvedDatabase(provider, connectionString, settingName);
    }

    public static IServiceCollection AddContestsDatabase(this IServiceCollection services, ResolvedDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton<VersionStampInterceptor>();
        services.AddDbContextFactory<ContestsDbContext>((sp, options) =>
        {
            Configure(options, database);
            options.AddInterceptors(sp.GetRequiredService<VersionStampInterceptor>());
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, ResolvedDatabase database)
    {
        var migrations = MigrationsAssemblyPrefix + database.Provider;
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(migrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                // SQLite cannot alter a table's foreign keys, so EF rebuilds the table with foreign keys
                // switched off, outside the transaction, and warns each time. That is how SQLite migrates,
                // not a fault of ours: keep the note in the log, below the warnings an operator acts on.
                options.ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(migrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).EnableRetryOnFailure());
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(migrations).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                throw new DatabaseConfigurationException($"Unknown provider {database.Provider}.");
        }
    }

    private static void Validate(DatabaseProvider provider, string connectionString, string settingName)
    {
        try
        {
            DbConnectionStringBuilder builder = provider switch
            {
                DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(connectionString),
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(connectionString),
                _ => new NpgsqlConnectionStringBuilder(connectionString),
            };
            if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(((SqliteConnectionStringBuilder)builder).DataSource))
            {
                throw new ArgumentException("Data Source is missing.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatabaseConfigurationException(
                $"The setting {settingName} is not a valid {provider} connection string: {ex.Message}", ex);
        }
    }
}
