using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Text;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Notifications;

/// <summary>Something that wakes the dispatcher when messages were queued (Hangfire in the portal).</summary>
public interface IOutboxSignal
{
    void MessagesQueued();
}

/// <summary>
/// Queues emails in the caller's own DbContext, so they are saved in the same transaction as
/// the change they announce. Bodies are Markdown whose values are escaped as text
/// (<see cref="EmailMarkdown"/>), rendered once through the shared renderer.
/// </summary>
public static class NotificationOutbox
{
    /// <summary>
    /// Adds an email to the outbox of <paramref name="db"/>; the caller saves. With a
    /// deduplication key, a message already queued under that key is not queued again. Nothing is
    /// queued for the address of a deactivated account: its owner no longer acts in the portal
    /// (docs/decisions/022). Returns false when nothing was queued.
    /// </summary>
    public static async Task<bool> QueueAsync(
        ContestsDbContext db, string to, string subject, EmailMarkdown body, DateTime nowUtc,
        string? deduplicationKey = null, CancellationToken cancellationToken = default)
    {
        if (deduplicationKey is not null
            && (await db.Outbox.AnyAsync(m => m.DeduplicationKey == deduplicationKey, cancellationToken)
                || db.Outbox.Local.Any(m => m.DeduplicationKey == deduplicationKey)))
        {
            return false;
        }
        ArgumentNullException.ThrowIfNull(body);
        var normalizedTo = to.Trim().Normalize().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedTo && u.DeactivatedAtUtc != null, cancellationToken))
        {
            return false;
        }
        var markdownBody = body.ToString();
        var html = EmailLayout.Wrap(subject, MarkdownRenderer.ToHtml(markdownBody));
        db.Outbox.Add(new OutboxMessage(to, subject, MarkdownRenderer.ToPlainText(markdownBody), html, nowUtc, deduplicationKey));
        return true;
    }

    /// <summary>
    /// Queues one announcement the way its recipient wants it: the email, the SMS, or both. The SMS's
    /// deduplication key is the email's with an "sms:" prefix, so each channel is once per event.
    /// Returns true when anything was queued.
    /// </summary>
    public static async Task<bool> NotifyAsync(
        ContestsDbContext db, NotificationRecipient recipient, string subject, EmailMarkdown body, string smsText, DateTime nowUtc,
        string? deduplicationKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var queued = false;
        if (recipient.WantsEmail)
        {
            queued |= await QueueAsync(db, recipient.Email!, subject, body, nowUtc, deduplicationKey, cancellationToken);
        }
        if (recipient.WantsSms)
        {
            queued |= await QueueSmsAsync(db, recipient.Mobile!, subject, smsText, nowUtc,
                deduplicationKey is null ? null : "sms:" + deduplicationKey, cancellationToken);
        }
        return queued;
    }

    /// <summary>
    /// Adds an SMS to <paramref name="mobile"/> (E.164) to the outbox of <paramref name="db"/>; the
    /// caller saves. Nothing is queued for the number of a deactivated account. Returns false when
    /// nothing was queued.
    /// </summary>
    public static async Task<bool> QueueSmsAsync(
        ContestsDbContext db, string mobile, string subject, string text, DateTime nowUtc,
        string? deduplicationKey = null, CancellationToken cancellationToken = default)
    {
        if (deduplicationKey is not null
            && (await db.Outbox.AnyAsync(m => m.DeduplicationKey == deduplicationKey, cancellationToken)
                || db.Outbox.Local.Any(m => m.DeduplicationKey == deduplicationKey)))
        {
            return false;
        }
        if (await db.Users.AnyAsync(u => u.PhoneNumber == mobile && u.DeactivatedAtUtc != null, cancellationToken))
        {
            return false;
        }
        db.Outbox.Add(OutboxMessage.Sms(mobile, subject, SmsLength.ToGsm7(text), nowUtc, deduplicationKey));
        return true;
    }
}
