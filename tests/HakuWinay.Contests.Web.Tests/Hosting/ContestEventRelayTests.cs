using System.Collections.Concurrent;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Issue 16's "one live session across servers": two copies of the portal (two hosts in this
/// process) on one PostgreSQL database. An event published on one reaches the other's screens,
/// once, and its own screens once (not again by its own notification); after the listening
/// connection is killed, the copy listens again and events flow as before.
/// </summary>
public sealed class ContestEventRelayTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly NpgsqlConnectionStringBuilder _server = new(TestPrerequisites.PostgresConnectionString);
    private readonly string _database = "haku_relay_" + Guid.NewGuid().ToString("N")[..12];
    private PortalFactory _a = null!;
    private PortalFactory _b = null!;

    private string DatabaseConnectionString => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = DatabaseConnectionString,
        };
        // One after the other, as README starts copies: the first migrates and seeds.
        _a = new PortalFactory(settings);
        _ = _a.Services;
        _b = new PortalFactory(settings);
        _ = _b.Services;
        await ListeningAsync(2);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_event_published_on_one_copy_reaches_the_screens_of_both_once()
    {
        var onA = new Screen(_a, contestId: 7);
        var onB = new Screen(_b, contestId: 7);
        using var elsewhere = new Screen(_b, contestId: 8);
        using (onA)
        using (onB)
        {
            var first = new ContestEvent(7, ContestChange.ScorecardSubmitted, StageId: 3, ProfileId: 11, ScorecardId: 42);
            Events(_a).Publish(first);
            Assert.Equal([first], await onB.AfterAsync(1));

            // Published on B once B had the first: the first's own notification, had A not skipped
            // it, would have reached A before this one.
            var second = ContestEvent.Jurors(7, "juror-1", stageId: 3);
            Events(_b).Publish(second);
            Assert.Equal([first, second], await onA.AfterAsync(2));
            Assert.Equal([first, second], await onB.AfterAsync(2));
        }
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task A_copy_whose_listening_connection_dies_listens_again_and_receives_what_follows()
    {
        await using (var admin = new NpgsqlConnection(DatabaseConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{PostgresContestEventRelay.ListenerName}'", admin);
            Assert.Equal(2L, (long)(await kill.ExecuteScalarAsync())!);
        }
        await ListeningAsync(2);

        using var onB = new Screen(_b, contestId: 9);
        var change = ContestEvent.Award(9, 5);
        Events(_a).Publish(change);
        Assert.Equal([change], await onB.AfterAsync(1));
    }

    private static IContestEvents Events(PortalFactory portal) => portal.Services.GetRequiredService<IContestEvents>();

    /// <summary>Waits until the database shows that many copies listening (after a start or a reconnection).</summary>
    private async Task ListeningAsync(int copies)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        using var timeout = new CancellationTokenSource(Patience);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{PostgresContestEventRelay.ListenerName}' AND state = 'idle' AND query LIKE 'LISTEN%'", connection);
            if ((long)(await count.ExecuteScalarAsync(timeout.Token))! == copies)
            {
                return;
            }
            await poll.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>What one live screen of a copy receives for its contest.</summary>
    private sealed class Screen : IDisposable
    {
        private readonly ConcurrentQueue<ContestEvent> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private readonly IDisposable _subscription;

        public Screen(PortalFactory portal, int contestId)
        {
            _subscription = Events(portal).Subscribe(contestId, e =>
            {
                _received.Enqueue(e);
                _arrived.Release();
                return Task.CompletedTask;
            });
        }

        public IReadOnlyList<ContestEvent> Received => [.. _received];

        /// <summary>What arrived once <paramref name="count"/> events have, each waited for (a signal, not a sleep).</summary>
        public async Task<IReadOnlyList<ContestEvent>> AfterAsync(int count)
        {
            while (_received.Count < count)
            {
                Assert.True(await _arrived.WaitAsync(Patience), $"{_received.Count} of {count} events arrived.");
            }
            return Received;
        }

        public void Dispose() => _subscription.Dispose();
    }
}
