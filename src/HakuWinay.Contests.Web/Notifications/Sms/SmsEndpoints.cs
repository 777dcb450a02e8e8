using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace HakuWinay.Contests.Web.Notifications.Sms;

internal static class SmsEndpoints
{
    /// <summary>
    /// GET /sms/dlr/{id}/{token}?type=N: Kannel's delivery report (the address it was given with the SMS);
    /// GET /s/{code}: a short link's redirect; GET /admin/outbox/{id}.sms.txt: an SMS as a file (Admin).
    /// Unknown id, wrong token, malformed code: 404, the same answer, so nothing is learned by trying.
    /// </summary>
    public static void MapSmsEndpoints(this WebApplication app)
    {
        app.MapGet("/sms/dlr/{id:long}/{token}", async (long id, string token, string? type, SmsDeliveryReports reports, CancellationToken ct) =>
            await reports.RecordAsync(id, token, type, ct) == DeliveryReportOutcome.Recorded
                ? HttpResults.Text("OK")
                : HttpResults.NotFound())
            .RequireRateLimiting(SmsRateLimits.DeliveryReports)
            .DisableAntiforgery();

        app.MapGet("/s/{code}", async (string code, IDbContextFactory<ContestsDbContext> dbFactory, CancellationToken ct) =>
        {
            if (!ShortLink.IsWellFormedCode(code))
            {
                return HttpResults.NotFound();
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var target = await db.ShortLinks.AsNoTracking().Where(l => l.Code == code).Select(l => l.TargetPath).SingleOrDefaultAsync(ct);
            return target is not null && ShortLink.IsLocalPath(target) ? HttpResults.LocalRedirect(target) : HttpResults.NotFound();
        }).RequireRateLimiting(SmsRateLimits.ShortLinks);

        app.MapGet("/admin/outbox/{id:long}.sms.txt", async (long id, OutboxQueries outbox, CancellationToken ct) =>
            await outbox.FindSmsAsync(id, ct) is { } sms
                ? HttpResults.File(System.Text.Encoding.UTF8.GetBytes(PickupFolderSmsTransport.Render(sms)), "text/plain; charset=utf-8", $"sms-{id}.txt")
                : HttpResults.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
    }
}
