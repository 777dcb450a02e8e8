using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Notifications;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Gave up after <see cref="OutboxMessage.MaxAttempts"/>; an admin can queue it again.</summary>
    Failed = 2,
}

/// <summary>
/// An email waiting to go out. It is written in the same transaction as the change it reports,
/// so a notification is never lost when a send fails or the server stops; the dispatcher
/// claims it before sending so two dispatchers never send it twice.
/// </summary>
public sealed class OutboxMessage : IVersioned
{
    public const int MaxAttempts = 12;
    /// <summary>Longer than a whole batch can take (25 messages at the SMTP timeout), so a live claim never expires.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(15);

    private OutboxMessage() { }

    public OutboxMessage(string to, string subject, string textBody, string htmlBody, DateTime nowUtc, string? deduplicationKey = null)
    {
        if (!EmailAddress.IsValid(to))
        {
            throw new ArgumentException($"'{to}' is not an email address.", nameof(to));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        To = to.Trim();
        Subject = subject.Trim();
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
        DeduplicationKey = deduplicationKey;
        Status = OutboxStatus.Pending;
    }

    public long Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";

    /// <summary>When set, at most one message with this key ever exists (e.g. "reminder:stage:12:juror:7:48h").</summary>
    public string? DeduplicationKey { get; private set; }

    public OutboxStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTime? ClaimedUntilUtc { get; private set; }
    public Guid Version { get; set; }

    /// <summary>The Message-Id header: stable per message, so a receiver can drop a duplicate if a crash forced a resend.</summary>
    public string MessageId => $"outbox-{Id}@hakuwinay.contests";

    public bool IsDueAt(DateTime nowUtc) =>
        Status == OutboxStatus.Pending
        && NextAttemptAtUtc <= nowUtc
        && (ClaimedUntilUtc is null || ClaimedUntilUtc < nowUtc);

    public void Claim(Guid token, DateTime nowUtc)
    {
        if (!IsDueAt(nowUtc))
        {
            throw new InvalidOperationException($"Outbox message {Id} is not due.");
        }
        ClaimToken = token;
        ClaimedUntilUtc = nowUtc + ClaimDuration;
    }

    public void MarkSent(DateTime nowUtc)
    {
        Status = OutboxStatus.Sent;
        SentAtUtc = nowUtc;
        Attempts++;
        LastError = null;
        ReleaseClaim();
    }

    public void MarkFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
        }
        else
        {
            NextAttemptAtUtc = nowUtc + BackOff(Attempts);
        }
        ReleaseClaim();
    }

    /// <summary>Queues a message that gave up, for one more round of attempts.</summary>
    public void Requeue(DateTime nowUtc)
    {
        if (Status != OutboxStatus.Failed)
        {
            throw new InvalidOperationException("Only a failed message can be queued again.");
        }
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAtUtc = nowUtc;
    }

    /// <summary>30 s, 1 min, 2 min, 4 min ... doubling up to one hour between attempts.</summary>
    public static TimeSpan BackOff(int attempts)
    {
        var seconds = 30 * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, 3600));
    }

    private void ReleaseClaim()
    {
        ClaimToken = null;
        ClaimedUntilUtc = null;
    }
}
