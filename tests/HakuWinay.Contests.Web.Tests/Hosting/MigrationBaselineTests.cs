using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Each provider starts from one baseline migration of today's model (no install existed before
/// it), and the model has not moved on since: a model change without its migration fails here.
/// The connection strings are never opened.
/// </summary>
public sealed class MigrationBaselineTests
{
    public static TheoryData<DatabaseProvider, string> Providers => new()
    {
        { DatabaseProvider.Sqlite, "Data Source=:memory:" },
        { DatabaseProvider.SqlServer, "Server=localhost;Database=HakuWinay;Trusted_Connection=True;TrustServerCertificate=True" },
        { DatabaseProvider.PostgreSql, "Host=localhost;Database=hakuwinay" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_one_baseline_migration_and_no_pending_model_change(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ContestsDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSetup.ResolvedDatabase(provider, connectionString, "test"));
        using var db = new ContestsDbContext(options.Options);

        var migration = Assert.Single(db.Database.GetMigrations());
        Assert.EndsWith("_Baseline", migration, StringComparison.Ordinal);
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes without a migration.");
    }
}
