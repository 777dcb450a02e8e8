namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>An SMS ready to leave: what the dispatcher hands to the gateway.</summary>
public sealed record OutgoingSms(long OutboxId, string To, string Text, string DeliveryToken);

/// <summary>What became of one hand-over to the gateway.</summary>
public enum SmsSendOutcome
{
    /// <summary>The gateway took it (Kannel answered 202).</summary>
    Accepted,

    /// <summary>It certainly did not leave (connection refused, a 4xx/5xx answer): safe to try again.</summary>
    NotSent,

    /// <summary>The request may have reached the gateway (a timeout after sending): trying again could send it twice.</summary>
    Unknown,
}

public sealed record SmsSendResult(SmsSendOutcome Outcome, string? Error = null)
{
    public static readonly SmsSendResult Accepted = new(SmsSendOutcome.Accepted);
}

/// <summary>Hands one SMS to the gateway (Kannel's sendsms, or a file when no gateway is configured).</summary>
public interface ISmsTransport
{
    Task<SmsSendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);
}
