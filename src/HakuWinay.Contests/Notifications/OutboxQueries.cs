using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications.Sms;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Notifications;

public sealed record OutboxRow(
    long Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAtUtc,
    DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LastError,
    OutboxChannel Channel = OutboxChannel.Email, int Parts = 0, SmsDelivery Delivery = SmsDelivery.None, DateTime? DeliveryReportedAtUtc = null);

public sealed record OutboxListing(IReadOnlyList<OutboxRow> Rows, int TotalCount);

/// <summary>The admin's view of the outbox: what went out, what waits, what failed.</summary>
public sealed class OutboxQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal signal)
{
    public async Task<OutboxListing> PageAsync(OutboxStatus? status, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Outbox.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAtUtc, m.SentAtUtc, m.NextAttemptAtUtc, m.LastError,
                m.Channel, m.Parts, m.Delivery, m.DeliveryReportedAtUtc))
            .ToListAsync(ct);
        return new OutboxListing(rows, total);
    }

    public async Task<OutgoingEmail?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Channel == OutboxChannel.Email, ct);
        return message is null ? null
            : new OutgoingEmail(message.Id, message.MessageId, message.To, message.Subject, message.TextBody, message.HtmlBody);
    }

    /// <summary>An SMS as it left (or will leave): number and text, for the Administrator's download.</summary>
    public async Task<OutgoingSms?> FindSmsAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().Where(m => m.Id == id && m.Channel == OutboxChannel.Sms)
            .Select(m => new OutgoingSms(m.Id, m.To, m.TextBody, "")).SingleOrDefaultAsync(ct);
    }

    /// <summary>Gives a message that ran out of attempts another round. Returns false if it is not failed.</summary>
    public async Task<bool> RequeueAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.Status != OutboxStatus.Failed)
        {
            return false;
        }
        message.Requeue(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        signal.MessagesQueued();
        return true;
    }
}
