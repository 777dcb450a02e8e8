using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Tests.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Notifications;

/// <summary>Two dispatchers (two jobs, or two servers) working the same outbox at the same time.</summary>
public sealed class OutboxConcurrencyTests
{
    [Fact]
    public async Task Two_dispatchers_running_at_once_send_every_message_exactly_once()
    {
        // A file, not shared-cache memory: each dispatcher must have its own connections, as two servers would.
        await using var database = await SqliteTestDatabase.TempFileAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(Instants.Now));
        var transport = new FakeEmailTransport();
        var ids = new List<long>();

        for (var round = 0; round < 4; round++)
        {
            ids.AddRange(await OutboxTestData.QueueAsync(database, count: OutboxDispatcher.BatchSize + 15, clock.GetUtcNow().UtcDateTime));
            var first = new OutboxDispatcher(new SqliteContextFactory(database.ConnectionString), transport, new Sms.FakeSmsTransport(), clock, NullLogger<OutboxDispatcher>.Instance);
            var second = new OutboxDispatcher(new SqliteContextFactory(database.ConnectionString), transport, new Sms.FakeSmsTransport(), clock, NullLogger<OutboxDispatcher>.Instance);

            var sent = await Task.WhenAll(Task.Run(() => first.DispatchDueAsync()), Task.Run(() => second.DispatchDueAsync()));

            Assert.Equal(OutboxDispatcher.BatchSize + 15, sent.Sum());
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(ids, transport.Delivered.Select(e => e.OutboxId).Order());
        Assert.All(await OutboxTestData.AllAsync(database), message =>
        {
            Assert.Equal(OutboxStatus.Sent, message.Status);
            Assert.Equal(1, message.Attempts);
        });
    }
}
