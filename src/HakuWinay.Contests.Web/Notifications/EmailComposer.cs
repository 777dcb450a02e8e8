using HakuWinay.Contests.Notifications;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HakuWinay.Contests.Web.Notifications;

/// <summary>Turns an outbox message into a MIME message with a text and an HTML part.</summary>
public sealed class EmailComposer(IOptions<SmtpSettings> settings)
{
    public MimeMessage Compose(OutgoingEmail email)
    {
        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Subject = email.Subject,
        };
        message.From.Add(new MailboxAddress(settings.Value.FromName, settings.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }
}
