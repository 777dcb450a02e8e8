using HakuWinay.Contests.Notifications;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Notifications;

/// <summary>Sends a batch over one fresh SMTP connection, reporting each message's fate.</summary>
public sealed class MailKitEmailTransport(IOptions<SmtpSettings> options, EmailComposer composer) : IEmailTransport
{
    public async Task<IReadOnlyDictionary<long, string?>> SendAsync(IReadOnlyList<OutgoingEmail> batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var results = new Dictionary<long, string?>();
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = $"SMTP {settings.Host}:{settings.Port}: {ex.Message}";
            return batch.ToDictionary(e => e.OutboxId, _ => (string?)error);
        }

        foreach (var email in batch)
        {
            try
            {
                await client.SendAsync(composer.Compose(email), cancellationToken);
                results[email.OutboxId] = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[email.OutboxId] = ex.Message;
                if (!client.IsConnected)
                {
                    break; // the rest of the batch is reported as not sent by the dispatcher
                }
            }
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        return results;
    }
}
