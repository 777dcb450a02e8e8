using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Notifications.Sms;

/// <summary>SMS through the outbox: sent at most once, retried only when certainly not sent, settled by delivery reports.</summary>
public sealed class SmsDispatchTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Instants.Now));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private OutboxDispatcher Dispatcher(IDbContextFactory<ContestsDbContext> db, ISmsTransport sms) =>
        new(db, new FakeEmailTransport(), sms, _clock, NullLogger<OutboxDispatcher>.Instance);

    private static async Task<List<long>> QueueSmsAsync(SqliteTestDatabase database, int count, DateTime now)
    {
        await using var db = database.CreateDbContext();
        var messages = Enumerable.Range(1, count)
            .Select(i => OutboxMessage.Sms($"+5190000{i:D4}", $"Aviso {i}", $"Haku Wiñay: aviso {i}", now))
            .ToList();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return [.. messages.Select(m => m.Id)];
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_hand_every_sms_to_the_gateway_exactly_once()
    {
        await using var database = await SqliteTestDatabase.TempFileAsync();
        var gateway = new FakeSmsTransport();
        var ids = await QueueSmsAsync(database, OutboxDispatcher.BatchSize + 12, Now);
        var factoryA = new SqliteContextFactory(database.ConnectionString);
        var factoryB = new SqliteContextFactory(database.ConnectionString);

        var sent = await Task.WhenAll(
            Task.Run(() => Dispatcher(factoryA, gateway).DispatchDueAsync()),
            Task.Run(() => Dispatcher(factoryB, gateway).DispatchDueAsync()));

        Assert.Equal(ids.Count, sent.Sum());
        Assert.Equal(ids.Count, gateway.Calls);
        Assert.Equal(ids, gateway.Accepted.Select(s => s.OutboxId).Order());
        Assert.All(await OutboxTestData.AllAsync(database), m => Assert.Equal((OutboxStatus.Sent, 1, (DateTime?)null), (m.Status, m.Attempts, m.SendStartedAtUtc)));
    }

    [Fact]
    public async Task A_gateway_that_refuses_the_connection_leaves_the_sms_pending_and_it_is_sent_once_when_back()
    {
        await using var database = await SqliteTestDatabase.InMemoryAsync();
        var gateway = new FakeSmsTransport { ResultFor = _ => new SmsSendResult(SmsSendOutcome.NotSent, "Connection refused") };
        var id = (await QueueSmsAsync(database, 1, Now)).Single();

        Assert.Equal(0, await Dispatcher(database, gateway).DispatchDueAsync());
        var waiting = await OutboxTestData.SingleAsync(database, id);
        Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("Connection refused", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await Dispatcher(database, gateway).DispatchDueAsync()); // not due before its back-off

        gateway.ResultFor = _ => SmsSendResult.Accepted;
        _clock.Advance(OutboxMessage.BackOff(1));
        Assert.Equal(1, await Dispatcher(database, gateway).DispatchDueAsync());
        Assert.Equal(0, await Dispatcher(database, gateway).DispatchDueAsync());

        Assert.Equal([id], gateway.Accepted.Select(s => s.OutboxId));
        Assert.Equal(OutboxStatus.Sent, (await OutboxTestData.SingleAsync(database, id)).Status);
    }

    [Fact]
    public async Task An_sms_whose_hand_over_timed_out_is_not_sent_again_by_itself()
    {
        await using var database = await SqliteTestDatabase.InMemoryAsync();
        var gateway = new FakeSmsTransport { ResultFor = _ => new SmsSendResult(SmsSendOutcome.Unknown, "timeout") };
        var id = (await QueueSmsAsync(database, 1, Now)).Single();

        await Dispatcher(database, gateway).DispatchDueAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        await Dispatcher(database, gateway).DispatchDueAsync();

        Assert.Equal(1, gateway.Calls);
        var message = await OutboxTestData.SingleAsync(database, id);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.StartsWith("Unknown whether the gateway took it", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_between_the_gateway_and_the_outbox_update_never_sends_the_sms_twice()
    {
        await using var database = await SqliteTestDatabase.TempFileAsync();
        var id = (await QueueSmsAsync(database, 1, Now)).Single();
        await using (var db = database.CreateDbContext())
        {
            // What the dispatcher saves before calling the gateway, left as a process that died during the hand-over leaves it.
            var message = await db.Outbox.SingleAsync(m => m.Id == id);
            message.Claim(Guid.NewGuid(), Now);
            message.BeginSmsSend(Now);
            await db.SaveChangesAsync();
        }

        _clock.Advance(OutboxMessage.ClaimDuration + TimeSpan.FromMinutes(1));
        var gateway = new FakeSmsTransport();
        await Dispatcher(database, gateway).DispatchDueAsync();

        Assert.Equal(0, gateway.Calls);
        var settled = await OutboxTestData.SingleAsync(database, id);
        Assert.Equal(OutboxStatus.Failed, settled.Status);
        Assert.Contains("not resent automatically", settled.LastError, StringComparison.Ordinal);

        // The delivery report that arrives later proves it left: recorded as sent, nothing resent.
        var reports = new SmsDeliveryReports(database, _clock);
        Assert.Equal(DeliveryReportOutcome.Recorded, await reports.RecordAsync(id, settled.DeliveryToken, "1"));
        var delivered = await OutboxTestData.SingleAsync(database, id);
        Assert.Equal((OutboxStatus.Sent, SmsDelivery.Delivered), (delivered.Status, delivered.Delivery));
        Assert.Equal(0, await Dispatcher(database, gateway).DispatchDueAsync());
        Assert.Equal(0, gateway.Calls);
    }

    [Fact]
    public async Task An_administrator_requeues_an_sms_in_doubt_knowingly_and_it_is_sent_once()
    {
        await using var database = await SqliteTestDatabase.InMemoryAsync();
        var gateway = new FakeSmsTransport { ResultFor = _ => new SmsSendResult(SmsSendOutcome.Unknown, "timeout") };
        var id = (await QueueSmsAsync(database, 1, Now)).Single();
        await Dispatcher(database, gateway).DispatchDueAsync();

        var queries = new OutboxQueries(database, _clock, new NoSignal());
        Assert.True(await queries.RequeueAsync(id));
        gateway.ResultFor = _ => SmsSendResult.Accepted;
        Assert.Equal(1, await Dispatcher(database, gateway).DispatchDueAsync());

        Assert.Equal(2, gateway.Calls);
        Assert.Single(gateway.Accepted);
    }

    private sealed class NoSignal : IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }
}
