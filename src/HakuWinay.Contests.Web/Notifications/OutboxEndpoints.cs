using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Web.Hosting;

namespace HakuWinay.Contests.Web.Notifications;

internal static class OutboxEndpoints
{
    /// <summary>GET /admin/outbox/{id}.eml: the message as a file any mail program opens (Admin only).</summary>
    public static void MapOutboxEndpoints(this WebApplication app)
    {
        app.MapGet("/admin/outbox/{id:long}.eml", async (long id, OutboxQueries outbox, EmailComposer composer, CancellationToken ct) =>
        {
            var email = await outbox.FindAsync(id, ct);
            if (email is null)
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var stream = new MemoryStream();
            await composer.Compose(email).WriteToAsync(stream, ct);
            stream.Position = 0;
            return Microsoft.AspNetCore.Http.Results.File(stream, "message/rfc822", $"mensaje-{id}.eml");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
    }
}
