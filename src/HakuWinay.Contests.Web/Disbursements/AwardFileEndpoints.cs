using System.Security.Claims;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Hosting;
using HakuWinay.Contests.Web.Profiles;

namespace HakuWinay.Contests.Web.Disbursements;

internal static class AwardFileEndpoints
{
    /// <summary>
    /// GET /awards/{awardId}/agreement and /awards/{awardId}/tranches/{trancheId}/voucher: the
    /// signed agreement and a payment's voucher, to administrators and the representative of the
    /// award's group. Another group's award, a tranche of another award, or a file not uploaded
    /// answers 404, so ids reveal nothing. Always a download, never sniffed by the browser.
    /// </summary>
    public static void MapAwardFileEndpoints(this WebApplication app)
    {
        app.MapGet("/awards/{awardId:int}/agreement", (int awardId, ClaimsPrincipal principal, HttpContext http, AwardQueries awards, CancellationToken ct) =>
            SendAsync(principal, http, $"convenio-{awardId}", user => awards.AgreementAsync(user, awardId, ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Producer))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
        app.MapGet("/awards/{awardId:int}/tranches/{trancheId:int}/voucher", (int awardId, int trancheId, ClaimsPrincipal principal, HttpContext http, AwardQueries awards, CancellationToken ct) =>
            SendAsync(principal, http, $"voucher-{awardId}-{trancheId}", user => awards.VoucherAsync(user, awardId, trancheId, ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Producer))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
    }

    private static async Task<IResult> SendAsync(ClaimsPrincipal principal, HttpContext http, string downloadStem, Func<ActingUser, Task<ServiceResult<AwardFileDownload>>> find)
    {
        var user = principal.ToActingUser();
        if (user is null)
        {
            return Microsoft.AspNetCore.Http.Results.Unauthorized();
        }
        var found = await find(user);
        if (!found.Succeeded)
        {
            return Microsoft.AspNetCore.Http.Results.NotFound();
        }
        return Hosting.PrivateFiles.SendAs(http, found.Value!.FilePath, found.Value.ContentType, downloadStem);
    }
}
