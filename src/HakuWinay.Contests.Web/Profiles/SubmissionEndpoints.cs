using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Hosting;

namespace HakuWinay.Contests.Web.Profiles;

internal static class SubmissionEndpoints
{
    /// <summary>GET /admin/contests/{id}/submissions.csv (or .xlsx)?category=&amp;status=&amp;line=&amp;district= (Admin only).</summary>
    public static void MapSubmissionEndpoints(this WebApplication app)
    {
        app.MapGet("/admin/contests/{contestId:int}/submissions.{format}", async (
            int contestId, string format, HttpContext http, string? category, string? status, string? line, string? district,
            HakuWinay.Contests.Contests.ContestQueries contests, SubmissionQueries submissions, CancellationToken ct) =>
        {
            if (!TableFiles.TryParse(format, out var f))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var options = await contests.SubmissionFilterOptionsAsync(contestId, ct);
            if (options is null)
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            ProfileStatus? parsedStatus = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<ProfileStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                {
                    return Microsoft.AspNetCore.Http.Results.BadRequest($"Estado desconocido: {status}");
                }
                parsedStatus = s;
            }
            var filter = new SubmissionFilter(contestId, Blank(category), parsedStatus, Blank(line), Blank(district));
            return TableFiles.Send(http, await submissions.ExportTableAsync(filter, ct), f, $"postulaciones-{options.ContestCode}");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
