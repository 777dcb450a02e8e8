using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HakuWinay.Contests.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef` build the Sqlite model without starting the portal. The connection string is
/// never opened to add a migration or script one; it only picks the provider.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ContestsDbContext>
{
    public ContestsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ContestsDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSetup.ResolvedDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db", "design-time"));
        return new ContestsDbContext(options.Options);
    }
}
