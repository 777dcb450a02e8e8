using System.Security.Claims;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Hosting;

namespace HakuWinay.Contests.Web.Profiles;

internal static class AttachmentEndpoints
{
    /// <summary>
    /// GET /profiles/{profileId}/attachments/{attachmentId}: the file, to whoever may see the profile
    /// (its group's representative, administrators, technicians, and a juror who may open the profile
    /// to score it: assigned, declaration confirmed, no conflict). Always a download, never shown
    /// inline, and never sniffed by the browser. Another group's profile, or an attachment id of
    /// another profile, answers 404 so ids reveal nothing.
    /// </summary>
    public static void MapAttachmentEndpoints(this WebApplication app)
    {
        app.MapGet("/profiles/{profileId:int}/attachments/{attachmentId:int}", async (
            int profileId, int attachmentId, ClaimsPrincipal principal, HttpContext http, AttachmentService attachments, JudgingQueries judging,
            CancellationToken ct) =>
        {
            var user = principal.ToActingUser();
            if (user is null)
            {
                return Microsoft.AspNetCore.Http.Results.Unauthorized();
            }
            var found = principal.IsInRole(Roles.Juror)
                ? await attachments.FindForJurorAsync(judging, user.UserId, profileId, attachmentId, ct)
                : await attachments.FindForDownloadAsync(user, profileId, attachmentId, ct);
            if (!found.Succeeded)
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var attachment = found.Value!.Attachment;
            return Hosting.PrivateFiles.Send(http, found.Value.FilePath, attachment.ContentType, attachment.DownloadName);
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Technician, Roles.Producer, Roles.Juror))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
    }
}
