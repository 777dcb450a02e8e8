namespace HakuWinay.Contests.Notifications;

/// <summary>An email ready to leave: what the dispatcher hands to the transport.</summary>
public sealed record OutgoingEmail(long OutboxId, string MessageId, string To, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Delivers a batch of emails (SMTP through MailKit, or .eml files when no SMTP host is set).
/// It reports each message's fate separately: one bad address must not fail the batch.
/// A failure to connect fails every message of the batch.
/// </summary>
public interface IEmailTransport
{
    Task<IReadOnlyDictionary<long, string?>> SendAsync(IReadOnlyList<OutgoingEmail> batch, CancellationToken cancellationToken);
}
