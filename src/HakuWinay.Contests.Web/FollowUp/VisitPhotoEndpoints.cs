using System.Security.Claims;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Hosting;
using HakuWinay.Contests.Web.Profiles;

namespace HakuWinay.Contests.Web.FollowUp;

internal static class VisitPhotoEndpoints
{
    /// <summary>
    /// GET /visits/{visitId}/photos/{photoId}: a visit photo, to administrators, the Technician
    /// assigned to the visit and the representative of the award's group; anyone else gets 404,
    /// so ids reveal nothing. Served inline (it is a JPEG or PNG by its content) under a name the portal gives it, never sniffed.
    /// </summary>
    public static void MapVisitPhotoEndpoints(this WebApplication app)
    {
        app.MapGet("/visits/{visitId:int}/photos/{photoId:int}", async (int visitId, int photoId, ClaimsPrincipal principal, HttpContext http, VisitQueries visits, CancellationToken ct) =>
        {
            var user = principal.ToActingUser();
            if (user is null)
            {
                return Microsoft.AspNetCore.Http.Results.Unauthorized();
            }
            var found = await visits.PhotoAsync(user, visitId, photoId, ct);
            if (!found.Succeeded)
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'";
            return Hosting.PrivateFiles.ShowAs(http, found.Value!.FilePath, found.Value.ContentType, $"visita-{visitId}-foto-{photoId}");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Technician, Roles.Producer))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
    }
}
