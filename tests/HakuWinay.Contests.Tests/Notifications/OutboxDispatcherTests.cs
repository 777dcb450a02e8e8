using Microsoft.EntityFrameworkCore;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Tests.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Notifications;

public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Instants.Now));
    private readonly FakeEmailTransport _transport = new();
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.InMemoryAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private OutboxDispatcher Dispatcher() => new(_database, _transport, new Sms.FakeSmsTransport(), _clock, NullLogger<OutboxDispatcher>.Instance);

    [Fact]
    public async Task Due_messages_are_sent_once_and_marked_sent()
    {
        var ids = await OutboxTestData.QueueAsync(_database, count: 3);

        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(3, sent);
        Assert.Equal(ids, _transport.Delivered.Select(e => e.OutboxId));
        var first = _transport.Delivered[0];
        Assert.Equal("grupo1@demo.hakuwinay.pe", first.To);
        Assert.Equal("Aviso 1", first.Subject);
        Assert.Equal($"outbox-{ids[0]}@hakuwinay.contests", first.MessageId);
        Assert.All(await OutboxTestData.AllAsync(_database), message =>
        {
            Assert.Equal(OutboxStatus.Sent, message.Status);
            Assert.Equal(Now, message.SentAtUtc);
            Assert.Equal(1, message.Attempts);
            Assert.Null(message.ClaimToken);
            Assert.Null(message.ClaimedUntilUtc);
        });
    }

    [Fact]
    public async Task A_message_taken_over_mid_batch_does_not_stop_the_others_being_recorded_as_sent()
    {
        var ids = await OutboxTestData.QueueAsync(_database, count: 3);
        _transport.WhileSending = async _ =>
        {
            // Another dispatcher claims the second message, as it would after an expired claim.
            await using var other = _database.CreateDbContext();
            var message = await other.Outbox.SingleAsync(m => m.Id == ids[1]);
            other.Entry(message).Property(m => m.Version).CurrentValue = Guid.NewGuid();
            await other.SaveChangesAsync();
        };

        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(3, sent);
        var messages = (await OutboxTestData.AllAsync(_database)).ToDictionary(m => m.Id);
        Assert.Equal(OutboxStatus.Sent, messages[ids[0]].Status);
        Assert.Equal(OutboxStatus.Pending, messages[ids[1]].Status);
        Assert.Equal(OutboxStatus.Sent, messages[ids[2]].Status);
    }

    [Fact]
    public async Task Second_dispatch_sends_nothing()
    {
        await OutboxTestData.QueueAsync(_database, count: 3);
        await Dispatcher().DispatchDueAsync();
        _clock.Advance(TimeSpan.FromHours(2));

        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(0, sent);
        Assert.Equal(3, _transport.Delivered.Count);
    }

    [Fact]
    public async Task Empty_outbox_does_not_call_the_transport()
    {
        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(0, sent);
        Assert.Equal(0, _transport.Batches);
    }

    [Fact]
    public async Task Message_queued_for_later_waits_until_it_is_due()
    {
        var ids = await OutboxTestData.QueueAsync(_database, count: 1, queuedAtUtc: Now.AddMinutes(10));

        Assert.Equal(0, await Dispatcher().DispatchDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await Dispatcher().DispatchDueAsync());

        Assert.Equal(ids, _transport.Delivered.Select(e => e.OutboxId));
    }

    [Fact]
    public async Task More_than_one_batch_is_sent_in_one_dispatch()
    {
        var count = OutboxDispatcher.BatchSize * 2 + 3;
        var ids = await OutboxTestData.QueueAsync(_database, count);

        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(count, sent);
        Assert.Equal(3, _transport.Batches);
        Assert.Equal(ids, _transport.Delivered.Select(e => e.OutboxId));
    }

    [Fact]
    public async Task Failed_send_is_retried_after_the_back_off_and_not_before()
    {
        var id = (await OutboxTestData.QueueAsync(_database, count: 1)).Single();
        var failedAt = Now;
        _transport.ErrorFor = _ => "421 service not available";

        Assert.Equal(0, await Dispatcher().DispatchDueAsync());

        var failed = await OutboxTestData.SingleAsync(_database, id);
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("421 service not available", failed.LastError);
        Assert.Equal(failedAt.AddSeconds(30), failed.NextAttemptAtUtc);
        Assert.Null(failed.ClaimToken);

        _transport.ErrorFor = _ => null;
        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.Equal(0, await Dispatcher().DispatchDueAsync());
        Assert.Empty(_transport.Delivered);

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, await Dispatcher().DispatchDueAsync());

        var sent = await OutboxTestData.SingleAsync(_database, id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Equal(failedAt.AddSeconds(30), sent.SentAtUtc);
    }

    [Fact]
    public async Task Transport_that_throws_fails_every_message_of_the_batch()
    {
        await OutboxTestData.QueueAsync(_database, count: 3);
        _transport.Failure = new IOException("Connection refused");

        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(0, sent);
        Assert.All(await OutboxTestData.AllAsync(_database), message =>
        {
            Assert.Equal(OutboxStatus.Pending, message.Status);
            Assert.Equal(1, message.Attempts);
            Assert.Equal("Connection refused", message.LastError);
            Assert.Equal(Now.AddSeconds(30), message.NextAttemptAtUtc);
            Assert.Null(message.ClaimToken);
        });
    }

    [Fact]
    public async Task Failure_of_one_message_does_not_affect_the_others()
    {
        var ids = await OutboxTestData.QueueAsync(_database, count: 3);
        _transport.ErrorFor = email => email.OutboxId == ids[1] ? "550 no such user" : null;

        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(2, sent);
        var messages = await OutboxTestData.AllAsync(_database);
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Pending, OutboxStatus.Sent], messages.Select(m => m.Status));
        Assert.Equal("550 no such user", messages[1].LastError);
        Assert.Equal(1, messages[1].Attempts);
        Assert.Equal(Now.AddSeconds(30), messages[1].NextAttemptAtUtc);
        Assert.Null(messages[0].LastError);
        Assert.Null(messages[2].LastError);
    }

    [Fact]
    public async Task Message_the_transport_does_not_report_on_counts_as_failed()
    {
        var ids = await OutboxTestData.QueueAsync(_database, count: 2);
        _transport.Unreported = email => email.OutboxId == ids[0];

        var sent = await Dispatcher().DispatchDueAsync();

        Assert.Equal(1, sent);
        var unreported = await OutboxTestData.SingleAsync(_database, ids[0]);
        Assert.Equal(OutboxStatus.Pending, unreported.Status);
        Assert.Equal(1, unreported.Attempts);
        Assert.NotNull(unreported.LastError);
    }

    [Fact]
    public async Task Message_that_keeps_failing_gives_up_and_is_no_longer_tried()
    {
        var id = (await OutboxTestData.QueueAsync(_database, count: 1)).Single();
        _transport.ErrorFor = _ => "550 no such user";

        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await Dispatcher().DispatchDueAsync();
            _clock.Advance(TimeSpan.FromHours(1));
        }
        var batches = _transport.Batches;
        _clock.Advance(TimeSpan.FromDays(1));
        await Dispatcher().DispatchDueAsync();

        var message = await OutboxTestData.SingleAsync(_database, id);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
        Assert.Equal(OutboxMessage.MaxAttempts, batches);
        Assert.Equal(batches, _transport.Batches);
    }

    [Fact]
    public async Task Message_claimed_by_another_dispatcher_is_left_alone_until_the_claim_expires()
    {
        var id = (await OutboxTestData.QueueAsync(_database, count: 1)).Single();
        await using (var db = _database.CreateDbContext())
        {
            // A dispatcher claimed it and then stopped (a crash or a restart) before sending.
            var message = await db.Outbox.FindAsync(id);
            message!.Claim(Guid.NewGuid(), Now);
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await Dispatcher().DispatchDueAsync());
        _clock.Advance(OutboxMessage.ClaimDuration);
        Assert.Equal(0, await Dispatcher().DispatchDueAsync());
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, await Dispatcher().DispatchDueAsync());

        Assert.Equal(OutboxStatus.Sent, (await OutboxTestData.SingleAsync(_database, id)).Status);
    }
}
