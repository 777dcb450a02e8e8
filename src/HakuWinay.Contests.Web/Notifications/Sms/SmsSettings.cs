namespace HakuWinay.Contests.Web.Notifications.Sms;

/// <summary>
/// The <c>Sms</c> section: Kannel's smsbox <c>sendsms</c> interface. With no <see cref="Host"/>, SMS
/// are written as text files beside the .eml files instead (<see cref="PickupFolderSmsTransport"/>).
/// </summary>
public sealed class SmsSettings
{
    public const string Section = "Sms";

    public string? Host { get; set; }

    /// <summary>smsbox's <c>sendsms-port</c>.</summary>
    public int Port { get; set; } = 13013;

    /// <summary>http, or https when a TLS proxy stands before smsbox.</summary>
    public string Scheme { get; set; } = "http";

    /// <summary>A <c>sendsms-user</c> of smsbox.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender shown on the phone (an alphanumeric id or short code the aggregator allows).</summary>
    public string? SenderId { get; set; }

    /// <summary>
    /// The portal's address as Kannel reaches it, for delivery reports (e.g. http://10.0.0.5:8080);
    /// empty: <c>Portal:PublicUrl</c>. The report path carries each SMS's own secret token.
    /// </summary>
    public string? DeliveryReportBaseUrl { get; set; }

    /// <summary>Kannel's smsc-id to route through (its <c>smsc</c> parameter); empty: Kannel's own routing.</summary>
    public string? SmscId { get; set; }

    /// <summary>How long one hand-over may take; after a timeout the SMS is in doubt and is not resent by itself.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Delivery reports accepted per minute from one address (Kannel sends up to five per SMS).</summary>
    public int DeliveryReportsPerMinute { get; set; } = 1200;

    /// <summary>Short links opened per minute from one address.</summary>
    public int ShortLinksPerMinute { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
