using System.Collections.Concurrent;
using System.Text.Json;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Contest events between copies where the database has no notifications (SQLite here, SQL Server
/// alike): two copies (two hosts in this process) on one SQLite file. An event published on one
/// reaches both copies' screens once; a row committed late under an id lower than one already read
/// is still delivered, once; a row that is not a contest event is skipped and what follows arrives.
/// </summary>
public sealed class PollingContestEventRelayTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private PortalFactory _a = null!;
    private PortalFactory _b = null!;

    public async Task InitializeAsync()
    {
        // One after the other, as README starts copies: the first migrates and seeds.
        _a = new PortalFactory(new Dictionary<string, string?> { ["LiveEvents:PollInterval"] = "00:00:00.050" });
        _ = _a.Services;
        _b = new PortalFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_a.DataFolder, "portal.db")}",
            ["LiveEvents:PollInterval"] = "00:00:00.050",
        });
        _ = _b.Services;
        await Relay(_a).Reading.WaitAsync(Patience);
        await Relay(_b).Reading.WaitAsync(Patience);
    }

    public async Task DisposeAsync()
    {
        // B's database lives in A's folder, which A's disposal removes.
        await _b.DisposeAsync();
        await _a.DisposeAsync();
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

            // Published on B once B had the first: had A read its own row back, the first would
            // have reached A's screen twice before this one.
            var second = ContestEvent.Jurors(7, "juror-1", stageId: 3);
            Events(_b).Publish(second);
            Assert.Equal([first, second], await onA.AfterAsync(2));
            Assert.Equal([first, second], await onB.AfterAsync(2));
        }
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task A_row_committed_late_under_a_lower_id_is_delivered_once_and_a_foreign_row_is_skipped()
    {
        using var onB = new Screen(_b, contestId: 9);
        var highest = await WithDbAsync(db => db.RelayedEvents.MaxAsync(e => (long?)e.Id)) ?? 0;

        // Another copy's row with a high id, then one whose id was taken earlier but committed after.
        var later = ContestEvent.Award(9, 5);
        await InsertAsync(highest + 10, JsonSerializer.Serialize(later, Json));
        Assert.Equal([later], await onB.AfterAsync(1));
        await InsertAsync(highest + 3, "{\"not\": \"a contest event\"");
        var late = ContestEvent.Award(9, 6);
        await InsertAsync(highest + 5, JsonSerializer.Serialize(late, Json));
        Assert.Equal([later, late], await onB.AfterAsync(2));

        // Something published after them arrives after them, and nothing arrived twice.
        var next = ContestEvent.Award(9, 7);
        Events(_a).Publish(next);
        Assert.Equal([later, late, next], await onB.AfterAsync(3));
    }

    private static IContestEvents Events(PortalFactory portal) => portal.Services.GetRequiredService<IContestEvents>();

    private static PollingContestEventRelay Relay(PortalFactory portal) => portal.Services.GetRequiredService<PollingContestEventRelay>();

    private async Task<T> WithDbAsync<T>(Func<ContestsDbContext, Task<T>> read)
    {
        await using var db = await _a.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private Task<int> InsertAsync(long id, string payload) => WithDbAsync(db =>
    {
        db.RelayedEvents.Add(new RelayedEvent { Id = id, Origin = "another-copy", Payload = payload, CreatedAtUtc = DateTime.UtcNow });
        return db.SaveChangesAsync();
    });

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
