using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HakuWinay.Contests.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_contest_created_before_the_profile_rules_existed_gets_the_programme_defaults()
    {
        // A named shared in-memory database lives as long as one connection to it stays open.
        var connectionString = $"Data Source=migration-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();
        var factory = new SqliteContextFactory(connectionString);
        await using (var db = factory.CreateDbContext())
        {
            var migrator = db.GetService<IMigrator>();
            var initial = db.Database.GetMigrations().First(m => m.EndsWith("_Initial", StringComparison.Ordinal));
            await migrator.MigrateAsync(initial);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO Contests (Code, Title, RegionCode, BasesMarkdown, Status, PassMark, CreatedAtUtc, Version,
                    Timeline_CallOpensAtUtc, Timeline_SubmissionsCloseAtUtc)
                VALUES ('OLD-01', 'Antiguo', '05', '', 1, 70, '2026-01-01 00:00:00', '00000000-0000-0000-0000-000000000001',
                    '2026-01-02 00:00:00', '2026-02-01 00:00:00')
                """);
        }

        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var contest = await db.Contests.Include(c => c.Tranches).Include(c => c.FollowUpVisits).Include(c => c.TieBreakers)
                .SingleAsync(c => c.Code == "OLD-01");

            Assert.Equal((3, 6, 10m), (contest.MinHouseholds, contest.MaxHouseholds, contest.MinCounterpartPercent));
            Assert.Null(contest.RulesLockedAtUtc);
            Assert.Equal(HakuWinay.Contests.Contests.EvaluationSettings.Default, contest.Evaluation);
            Assert.Equal(HakuWinay.Contests.Contests.Contest.DefaultTranches, contest.Tranches.OrderBy(t => t.Order).Select(t => t.Rule));
            Assert.Equal([30, 90, 180], contest.FollowUpVisits.OrderBy(v => v.Order).Select(v => v.DaysAfterFirstPayment));
            Assert.Equal(HakuWinay.Contests.Contests.Contest.DefaultTieBreakers, contest.TieBreakers.OrderBy(t => t.Order).Select(t => t.Rule));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }
}
