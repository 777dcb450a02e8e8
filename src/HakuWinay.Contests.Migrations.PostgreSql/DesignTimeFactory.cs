using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HakuWinay.Contests.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef` build the PostgreSql model without starting the portal. The connection string is
/// never opened to add a migration or script one; it only picks the provider.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ContestsDbContext>
{
    public ContestsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ContestsDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSetup.ResolvedDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=hakuwinay;Username=hakuwinay", "design-time"));
        return new ContestsDbContext(options.Options);
    }
}
