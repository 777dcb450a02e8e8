using System.Security.Cryptography;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Notifications.Sms;

namespace HakuWinay.Contests.Notifications;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Gave up after <see cref="OutboxMessage.MaxAttempts"/>; an admin can queue it again.</summary>
    Failed = 2,
}

/// <summary>How a message leaves the portal.</summary>
public enum OutboxChannel
{
    Email = 0,
    Sms = 1,
}

/// <summary>What the SMS gateway last reported about an SMS (Kannel's dlr-mask values).</summary>
public enum SmsDelivery
{
    None = 0,
    Delivered = 1,
    Undelivered = 2,
    Buffered = 4,
    AcceptedBySmsc = 8,
    RejectedBySmsc = 16,
}

/// <summary>
/// An email or SMS waiting to go out. It is written in the same transaction as the change it reports,
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

    /// <summary>
    /// An SMS to a Peruvian mobile (E.164). <paramref name="subject"/> names it in the Administrator's
    /// list; the text is what the phone shows. The delivery token goes into the gateway's callback
    /// address, so only the gateway that sent it can report on it.
    /// </summary>
    public static OutboxMessage Sms(string mobile, string subject, string text, DateTime nowUtc, string? deduplicationKey = null)
    {
        if (!MobileNumber.IsE164(mobile))
        {
            throw new ArgumentException($"'{mobile}' is not a Peruvian mobile in E.164 form.", nameof(mobile));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var measure = SmsLength.Measure(text);
        if (measure.Parts > MaxSmsParts)
        {
            throw new ArgumentException($"An SMS of at most {MaxSmsParts} parts; this one takes {measure.Parts}.", nameof(text));
        }
        return new OutboxMessage
        {
            Channel = OutboxChannel.Sms,
            To = mobile,
            Subject = subject.Trim().Length > 300 ? subject.Trim()[..300] : subject.Trim(),
            TextBody = text,
            Parts = measure.Parts,
            DeliveryToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
            DeduplicationKey = deduplicationKey,
            Status = OutboxStatus.Pending,
        };
    }

    /// <summary>Kannel's sendsms user allows this many parts (max-messages); a longer text is a bug in its template.</summary>
    public const int MaxSmsParts = 4;

    public long Id { get; private set; }
    public OutboxChannel Channel { get; private set; }

    /// <summary>SMS only: how many SMS the text takes (GSM-7 or UCS-2 parts), so cost is visible.</summary>
    public int Parts { get; private set; }

    /// <summary>SMS only: the secret in the delivery-report address.</summary>
    public string? DeliveryToken { get; private set; }

    public SmsDelivery Delivery { get; private set; }
    public DateTime? DeliveryReportedAtUtc { get; private set; }

    /// <summary>
    /// SMS only: when the last hand-over to the gateway began. Set (and saved) before the gateway is
    /// called and cleared with the result; still set on an expired claim means the process died
    /// mid-send, and the SMS may have left: it is not sent again by itself (docs/decisions/035).
    /// </summary>
    public DateTime? SendStartedAtUtc { get; private set; }
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

    /// <summary>An SMS claim whose send began and never finished: whether it left is unknown.</summary>
    public bool IsInterruptedSmsAt(DateTime nowUtc) =>
        Channel == OutboxChannel.Sms && Status == OutboxStatus.Pending && SendStartedAtUtc is not null
        && ClaimedUntilUtc is not null && ClaimedUntilUtc < nowUtc;

    /// <summary>Recorded before the gateway is called (and saved), so a crash after it is recognised.</summary>
    public void BeginSmsSend(DateTime nowUtc)
    {
        if (Channel != OutboxChannel.Sms || ClaimToken is null)
        {
            throw new InvalidOperationException("Only a claimed SMS begins a send.");
        }
        SendStartedAtUtc = nowUtc;
    }

    /// <summary>
    /// The gateway may or may not have taken the SMS (a timeout after the request left, a crash).
    /// Sending it again could send it twice, so it waits for the Administrator (or a delivery report).
    /// </summary>
    public void MarkOutcomeUnknown(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = Truncate("Unknown whether the gateway took it; not resent automatically. " + error);
        Status = OutboxStatus.Failed;
        NextAttemptAtUtc = nowUtc;
        SendStartedAtUtc = null;
        ReleaseClaim();
    }

    /// <summary>
    /// Records a delivery report. A report proves the gateway took the SMS, so a message left in
    /// doubt by a crash is settled as sent. Reports repeat and arrive out of order: a final state
    /// (delivered, undelivered, rejected) is not replaced by an intermediate one.
    /// </summary>
    public bool RecordDelivery(SmsDelivery report, DateTime nowUtc)
    {
        if (Channel != OutboxChannel.Sms || report == SmsDelivery.None || !Enum.IsDefined(report))
        {
            return false;
        }
        if (Delivery == report || (IsFinal(Delivery) && !IsFinal(report)))
        {
            return false;
        }
        Delivery = report;
        DeliveryReportedAtUtc = nowUtc;
        if (Status != OutboxStatus.Sent && report != SmsDelivery.RejectedBySmsc)
        {
            Status = OutboxStatus.Sent;
            SentAtUtc ??= nowUtc;
            LastError = null;
            SendStartedAtUtc = null;
            ReleaseClaim();
        }
        return true;
    }

    private static bool IsFinal(SmsDelivery d) => d is SmsDelivery.Delivered or SmsDelivery.Undelivered or SmsDelivery.RejectedBySmsc;

    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;

    public void MarkSent(DateTime nowUtc)
    {
        SendStartedAtUtc = null;
        Status = OutboxStatus.Sent;
        SentAtUtc = nowUtc;
        Attempts++;
        LastError = null;
        ReleaseClaim();
    }

    public void MarkFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = Truncate(error);
        SendStartedAtUtc = null;
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
        SendStartedAtUtc = null;
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
