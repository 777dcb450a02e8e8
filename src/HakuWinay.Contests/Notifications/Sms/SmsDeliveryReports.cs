using System.Security.Cryptography;
using System.Text;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Notifications.Sms;

public enum DeliveryReportOutcome
{
    /// <summary>Recorded (or already recorded: a repeated report changes nothing and is still answered OK).</summary>
    Recorded,

    /// <summary>No SMS with that id and token, or a malformed report: answered as if the address did not exist.</summary>
    Unknown,
}

/// <summary>
/// Records the gateway's delivery reports. Kannel calls the <c>dlr-url</c> given with each SMS, which
/// carries the outbox id and the message's own random token: a report for a wrong token is refused
/// exactly as an unknown id, so the endpoint tells a guesser nothing.
/// </summary>
public sealed class SmsDeliveryReports(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DeliveryReportOutcome> RecordAsync(long outboxId, string? token, string? type, CancellationToken ct = default)
    {
        if (token is not { Length: 32 } || !int.TryParse(type, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            || !Enum.IsDefined((SmsDelivery)code) || code == 0)
        {
            return DeliveryReportOutcome.Unknown;
        }
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == outboxId && m.Channel == OutboxChannel.Sms, ct);
            if (message?.DeliveryToken is not { } expected
                || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token)))
            {
                return DeliveryReportOutcome.Unknown;
            }
            if (!message.RecordDelivery((SmsDelivery)code, clock.GetUtcNow().UtcDateTime))
            {
                return DeliveryReportOutcome.Recorded;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return DeliveryReportOutcome.Recorded;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The dispatcher (or another report) changed the row meanwhile: read it again and re-apply.
            }
        }
        return DeliveryReportOutcome.Recorded;
    }
}
