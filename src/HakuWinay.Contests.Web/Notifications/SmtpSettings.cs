using MailKit.Security;

namespace HakuWinay.Contests.Web.Notifications;

/// <summary>The <c>Smtp</c> section. With no <see cref="Host"/>, emails are written as .eml files instead.</summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "concursos@hakuwinay.pe";
    public string FromName { get; set; } = "Haku Wiñay · Concursos";

    /// <summary>How long a connection or a command may take before the batch is given up and retried later.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
