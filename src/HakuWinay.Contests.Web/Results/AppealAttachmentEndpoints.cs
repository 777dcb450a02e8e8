using System.Security.Claims;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Web.Hosting;
using HakuWinay.Contests.Web.Profiles;

namespace HakuWinay.Contests.Web.Results;

internal static class AppealAttachmentEndpoints
{
    /// <summary>
    /// GET /appeals/{appealId}/attachment: an appeal's file, to administrators, technicians and the
    /// representative of the group that filed it; anyone else gets 404, so ids reveal nothing.
    /// Always a download, never sniffed by the browser.
    /// </summary>
    public static void MapAppealAttachmentEndpoints(this WebApplication app)
    {
        app.MapGet("/appeals/{appealId:int}/attachment", async (int appealId, ClaimsPrincipal principal, HttpContext http, AppealQueries appeals, CancellationToken ct) =>
        {
            var user = principal.ToActingUser();
            if (user is null)
            {
                return Microsoft.AspNetCore.Http.Results.Unauthorized();
            }
            var found = await appeals.AttachmentAsync(user, appealId, ct);
            if (!found.Succeeded)
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            return Hosting.PrivateFiles.SendAs(http, found.Value!.FilePath, found.Value.ContentType, $"reclamo-{appealId}");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Technician, Roles.Producer))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
    }
}
