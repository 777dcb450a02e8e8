using System.Globalization;
using System.Text;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Web.Hosting;

namespace HakuWinay.Contests.Web.Notifications.Sms;

/// <summary>
/// With no gateway configured (a laptop, a demo), each SMS is written to
/// <c>&lt;data folder&gt;/outbox/&lt;id&gt;.sms.txt</c> beside the emails' .eml files: the number on
/// the first line, the text after a blank line. Writing the same SMS twice overwrites the same file.
/// </summary>
public sealed class PickupFolderSmsTransport(DataFolder dataFolder) : ISmsTransport
{
    public async Task<SmsSendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        Directory.CreateDirectory(dataFolder.OutboxPath);
        var path = SmsPath(dataFolder, sms.OutboxId);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, Render(sms), new UTF8Encoding(false), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return SmsSendResult.Accepted;
    }

    public static string SmsPath(DataFolder dataFolder, long outboxId) =>
        Path.Combine(dataFolder.OutboxPath, outboxId.ToString("D8", CultureInfo.InvariantCulture) + ".sms.txt");

    public static string Render(OutgoingSms sms)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var measure = SmsLength.Measure(sms.Text);
        return $"To: {sms.To}\nEncoding: {measure.Encoding}\nParts: {measure.Parts.ToString(CultureInfo.InvariantCulture)}\n\n{sms.Text}\n";
    }
}
