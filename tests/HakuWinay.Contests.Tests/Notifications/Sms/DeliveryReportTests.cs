using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Tests.Data;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Notifications.Sms;

public sealed class DeliveryReportTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Instants.Now));

    private async Task<(SqliteTestDatabase Database, long Id, string Token)> SentSmsAsync()
    {
        var database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = database.CreateDbContext();
        var message = OutboxMessage.Sms("+51987654321", "Aviso", "Haku Wiñay: aviso", _clock.GetUtcNow().UtcDateTime);
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        message.Claim(Guid.NewGuid(), _clock.GetUtcNow().UtcDateTime);
        message.MarkSent(_clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return (database, message.Id, message.DeliveryToken!);
    }

    [Fact]
    public async Task A_report_with_a_wrong_token_is_refused_as_if_the_message_did_not_exist()
    {
        var (database, id, token) = await SentSmsAsync();
        await using var _ = database;
        var reports = new SmsDeliveryReports(database, _clock);

        Assert.Equal(DeliveryReportOutcome.Unknown, await reports.RecordAsync(id, new string('0', 32), "1"));
        Assert.Equal(DeliveryReportOutcome.Unknown, await reports.RecordAsync(id + 1, token, "1"));
        Assert.Equal(SmsDelivery.None, (await OutboxTestData.SingleAsync(database, id)).Delivery);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    [InlineData("%d")]
    [InlineData("1; DROP TABLE OutboxMessages")]
    public async Task A_malformed_report_type_changes_nothing(string? type)
    {
        var (database, id, token) = await SentSmsAsync();
        await using var _ = database;

        Assert.Equal(DeliveryReportOutcome.Unknown, await new SmsDeliveryReports(database, _clock).RecordAsync(id, token, type));
        Assert.Equal(SmsDelivery.None, (await OutboxTestData.SingleAsync(database, id)).Delivery);
    }

    [Fact]
    public async Task A_repeated_report_is_recorded_once_and_a_late_intermediate_one_does_not_undo_delivery()
    {
        var (database, id, token) = await SentSmsAsync();
        await using var _ = database;
        var reports = new SmsDeliveryReports(database, _clock);

        Assert.Equal(DeliveryReportOutcome.Recorded, await reports.RecordAsync(id, token, "8"));
        Assert.Equal(DeliveryReportOutcome.Recorded, await reports.RecordAsync(id, token, "1"));
        var firstAt = (await OutboxTestData.SingleAsync(database, id)).DeliveryReportedAtUtc;
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DeliveryReportOutcome.Recorded, await reports.RecordAsync(id, token, "1"));
        Assert.Equal(DeliveryReportOutcome.Recorded, await reports.RecordAsync(id, token, "8"));

        var message = await OutboxTestData.SingleAsync(database, id);
        Assert.Equal(SmsDelivery.Delivered, message.Delivery);
        Assert.Equal(firstAt, message.DeliveryReportedAtUtc);
        Assert.Equal((OutboxStatus.Sent, 1), (message.Status, message.Attempts));
    }
}
