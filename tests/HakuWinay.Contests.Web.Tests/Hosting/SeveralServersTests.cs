using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Jobs;
using Npgsql;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// The "Several servers": two copies of the portal as separate processes on one
/// PostgreSQL database, both running Hangfire servers with a one-second sweep. The test holds a
/// row lock (on a connection of its own: pg_stat_activity is read once per transaction, so the
/// polling runs outside it) on the second due tranche so the sweep blocks there, kills the copy whose sweep is
/// waiting on it, releases the lock, and checks that the other copy finishes the work: every due
/// tranche Due with exactly one email per Admin, none missing, none doubled.
/// </summary>
public sealed class SeveralServersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_copies_make_each_tranche_due_and_email_it_once_and_the_survivor_finishes_when_one_dies_mid_sweep()
    {
        var server = new NpgsqlConnectionStringBuilder(TestPrerequisites.PostgresConnectionString);
        var database = "haku_servers_" + Guid.NewGuid().ToString("N")[..12];
        string ConnectionString(string application) =>
            new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, ApplicationName = application }.ConnectionString;
        SeveralServersCopy? a = null;
        SeveralServersCopy? b = null;
        try
        {
            var (trancheIds, adminCount) = await PrepareAsync(ConnectionString("haku-setup"));
            Assert.True(trancheIds.Count >= 2, $"The demo gives {trancheIds.Count} award(s); the test needs two.");
            var blocked = trancheIds[1];

            await using var test = new NpgsqlConnection(ConnectionString("haku-test"));
            await test.OpenAsync();
            await using var holder = new NpgsqlConnection(ConnectionString("haku-test-lock"));
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await ExecuteAsync(holder, $"SELECT 1 FROM \"AwardTranches\" WHERE \"Id\" = {blocked} FOR UPDATE");

            a = StartCopy("a", ConnectionString("haku-copy-a"));
            b = StartCopy("b", ConnectionString("haku-copy-b"));
            await Task.WhenAll(a.ListeningAsync(Patience), b.ListeningAsync(Patience));
            // Each copy's Hangfire server announces itself a moment after the copy listens.
            await UntilAsync(test, "SELECT count(*) FROM hangfire.server", n => n >= 2, () => "both copies should run a Hangfire server." + Environment.NewLine + a.Output);
            // Copy a waits on the locked tranche with the first one done (by a, or by b while a waited a moment on b's save of it):
            // it dies mid-sweep, between work that is saved and work that is not.
            await UntilAsync(test, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'haku-copy-a' AND wait_event_type = 'Lock' AND query LIKE '%AwardTranches%' "
                + $"AND EXISTS (SELECT 1 FROM \"AwardTranches\" WHERE \"Id\" = {trancheIds[0]} AND \"Status\" = {(int)TrancheStatus.Due})", n => n > 0,
                () => "copy a never waited on the locked tranche after the first was due." + Environment.NewLine + a.Output);

            await a.KillAsync();
            await hold.RollbackAsync();

            await UntilAsync(test, $"SELECT count(*) FROM \"AwardTranches\" WHERE \"Id\" IN ({string.Join(",", trancheIds)}) AND \"Status\" = {(int)TrancheStatus.Due}",
                n => n == trancheIds.Count, () => "copy b did not finish the work." + Environment.NewLine + b.Output);
            // Two more sweeps of copy b after the work is done: they must change nothing.
            var sweepsSoFar = await SucceededSweepsAsync(test);
            await UntilAsync(test, SucceededSweepsSql, n => n >= sweepsSoFar + 2, () => "copy b stopped sweeping." + Environment.NewLine + b.Output);

            Assert.True(a.HasExited);
            Assert.False(b.HasExited, b.Output);
            foreach (var tranche in trancheIds)
            {
                Assert.Equal(adminCount, await ScalarAsync(test, $"SELECT count(*) FROM \"OutboxMessages\" WHERE \"DeduplicationKey\" LIKE 'tranche-due:{tranche}:%'"));
            }
            Assert.Equal(trancheIds.Count * adminCount, await ScalarAsync(test, "SELECT count(*) FROM \"OutboxMessages\" WHERE \"DeduplicationKey\" LIKE 'tranche-due:%'"));
            Assert.Equal(trancheIds.Count, await ScalarAsync(test, "SELECT count(*) FROM \"AuditLog\" WHERE \"Action\" = 'tranche.due'"));
            Assert.Equal(0, await ScalarAsync(test, $"SELECT count(*) FROM \"AwardTranches\" WHERE \"Status\" = {(int)TrancheStatus.Due} AND \"Id\" NOT IN ({string.Join(",", trancheIds)})"));
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private const string SucceededSweepsSql = "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%ExecutionSweepJob%'";

    /// <summary>
    /// Migrates and seeds the database in-process, publishes the demo and records every award's
    /// agreement; returns the first tranches (what the sweep will make due), in the sweep's order.
    /// </summary>
    private static async Task<(List<int> TrancheIds, int AdminCount)> PrepareAsync(string connectionString)
    {
        using var setup = await SweepScenario.StartAsync(DateTimeOffset.UtcNow, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = connectionString,
        });
        var trancheIds = new List<int>();
        foreach (var award in setup.Awards)
        {
            await setup.RecordAgreementAsync(award.AwardId, setup.TodayInLima);
            trancheIds.Add((await setup.TrancheAsync(award.AwardId, 1)).Id);
        }
        trancheIds.Sort();
        return (trancheIds, setup.AdminIds.Count);
    }

    private static SeveralServersCopy StartCopy(string name, string connectionString) => SeveralServersCopy.Start(name, new Dictionary<string, string>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:PostgreSql"] = connectionString,
        ["Seed:Demo"] = "false",
        ["Hangfire:WorkerCount"] = "2",
        ["Execution:SweepInterval"] = "00:00:01",
        ["Smtp:Host"] = "",
    });

    private static Task<long> SucceededSweepsAsync(NpgsqlConnection connection) => ScalarAsync(connection, SucceededSweepsSql);

    /// <summary>Polls <paramref name="sql"/> (a count) every 100 ms until <paramref name="done"/>, failing after a minute.</summary>
    private static async Task UntilAsync(NpgsqlConnection connection, string sql, Func<long, bool> done, Func<string> failure)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!done(await ScalarAsync(connection, sql)))
        {
            try
            {
                await poll.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail(failure());
            }
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
