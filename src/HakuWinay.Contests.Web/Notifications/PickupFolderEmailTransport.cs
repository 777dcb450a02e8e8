using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Web.Hosting;

namespace HakuWinay.Contests.Web.Notifications;

/// <summary>
/// With no SMTP server configured (a laptop, a demo), each email is written to
/// <c>&lt;data folder&gt;/outbox/&lt;id&gt;.eml</c>, where any mail program opens it.
/// Writing the same message twice overwrites the same file.
/// </summary>
public sealed class PickupFolderEmailTransport(DataFolder dataFolder, EmailComposer composer) : IEmailTransport
{
    public async Task<IReadOnlyDictionary<long, string?>> SendAsync(IReadOnlyList<OutgoingEmail> batch, CancellationToken cancellationToken)
    {
        var results = new Dictionary<long, string?>();
        Directory.CreateDirectory(dataFolder.OutboxPath);
        foreach (var email in batch)
        {
            var path = dataFolder.EmlPath(email.OutboxId);
            var temporary = path + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await composer.Compose(email).WriteToAsync(stream, cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
            results[email.OutboxId] = null;
        }
        return results;
    }
}
