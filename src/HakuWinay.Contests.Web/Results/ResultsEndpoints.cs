using System.Globalization;
using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Dashboard;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Web.Hosting;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

// The domain's HakuWinay.Contests.Results namespace would otherwise hide ASP.NET Core's Results class here.
using Results = Microsoft.AspNetCore.Http.Results;

/// <summary>
/// The results' downloads. Public ones (<c>/contests/{code}/results/…?version=N</c>) answer 404
/// before the first publication and for an unknown version, to everyone, administrators included:
/// the preview is only on the administrator's addresses (<c>/admin/contests/{id}/results/preview/…</c>).
/// Every file is an attachment the browser never sniffs. A malformed version answers 400.
/// </summary>
internal static class ResultsEndpoints
{
    public static IReadOnlyList<string> ScoreColumns { get; } = ["profile_code", "stage_code", "juror_id", "criterion_code", "points"];

    private const string Json = "application/json; charset=utf-8";

    public static void MapResultsEndpoints(this WebApplication app)
    {
        var published = app.MapGroup("/contests/{code}/results").AllowAnonymous().RequireRateLimiting(RateLimits.PublicDownloads)
            .CacheOutput(PublicOutputCache.Policy);
        published.MapGet("/package.json", (string code, string? version, ResultsReader reader, HttpContext http, CancellationToken ct) =>
            PublishedAsync(code, version, reader, http, p => File(http, Encoding.UTF8.GetBytes(p.Json), Json, $"resultados-{p.Contest.Code}-v{Version(p)}.json"), ct));
        // Each table answers as CSV and as Excel (TableFiles): one endpoint, one access rule and rate limit for both.
        published.MapGet("/ranking.{format}", (string code, string format, string? version, ResultsReader reader, HttpContext http, CancellationToken ct) =>
            !TableFiles.TryParse(format, out var f) ? Task.FromResult(Results.NotFound())
                : PublishedAsync(code, version, reader, http, p => TableFiles.Send(http, ResultsCsv.RankingTable(p.Results), f, $"ranking-{p.Contest.Code}-v{Version(p)}"), ct));
        published.MapGet("/scores.{format}", (string code, string format, string? version, ResultsReader reader, HttpContext http, CancellationToken ct) =>
            !TableFiles.TryParse(format, out var f) ? Task.FromResult(Results.NotFound())
                : PublishedAsync(code, version, reader, http, p => TableFiles.Send(http, ScoresTable(p.Input.Scores), f, $"puntajes-{p.Contest.Code}-v{Version(p)}"), ct));

        var preview = app.MapGroup("/admin/contests/{contestId:int}/results").RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
        preview.MapGet("/preview/package.json", (int contestId, ResultsReader reader, HttpContext http, CancellationToken ct) =>
            PreviewAsync(contestId, reader, p => File(http, Encoding.UTF8.GetBytes(p.Json), Json, $"resultados-{p.Contest.Code}-vista-previa.json"), ct));
        preview.MapGet("/preview/ranking.{format}", (int contestId, string format, ResultsReader reader, HttpContext http, CancellationToken ct) =>
            !TableFiles.TryParse(format, out var f) ? Task.FromResult(Results.NotFound())
                : PreviewAsync(contestId, reader, p => TableFiles.Send(http, ResultsCsv.RankingTable(p.Results), f, $"ranking-{p.Contest.Code}-vista-previa"), ct));
        preview.MapGet("/preview/scores.{format}", (int contestId, string format, ResultsReader reader, HttpContext http, CancellationToken ct) =>
            !TableFiles.TryParse(format, out var f) ? Task.FromResult(Results.NotFound())
                : PreviewAsync(contestId, reader, p => TableFiles.Send(http, ScoresTable(p.Input.Scores), f, $"puntajes-{p.Contest.Code}-vista-previa"), ct));
        preview.MapGet("/dashboard/{table}.{format}", async (int contestId, string table, string format, ResultsReader reader, global::HakuWinay.Contests.Registries.RegistryQueries registries,
            HttpContext http, CancellationToken ct) =>
        {
            if (!TableFiles.TryParse(format, out var f))
            {
                return Results.NotFound();
            }
            var shown = await reader.DashboardSourceAsync(contestId, ct);
            if (shown is null)
            {
                return Results.NotFound();
            }
            var dashboard = ResultsDashboardStats.Compute(shown.Input, shown.Result, await registries.DeclaredOnlyJuntosAsync(contestId, ct));
            var rows = table switch
            {
                "lines" => ResultsDashboardCsv.RowsTable(dashboard.ByProductionLine, "production_line"),
                "districts" => ResultsDashboardCsv.RowsTable(dashboard.ByDistrict, "district"),
                "shares" => ResultsDashboardCsv.SharesTable(dashboard.Shares, dashboard.DeclaredOnlyJuntos),
                _ => null,
            };
            return rows is null ? Results.NotFound() : TableFiles.Send(http, rows, f, $"tablero-{table}-{shown.Contest.Code}-v{shown.Publication.Version}");
        });
    }

    /// <summary>Every submitted score, one row per criterion: who (pseudonym), what, how many points (dot, two decimals).</summary>
    public static byte[] ScoresFile(IEnumerable<SubmittedScore> scores) => CsvWriter.Write(ScoresTable(scores));

    /// <summary>The rows of <see cref="ScoresFile"/>, which the Excel download is written from too.</summary>
    public static DownloadTable ScoresTable(IEnumerable<SubmittedScore> scores) =>
        DownloadTable.Of(ScoreColumns, scores
            .OrderBy(s => s.ProfileCode, StringComparer.Ordinal).ThenBy(s => s.StageCode, StringComparer.Ordinal).ThenBy(s => s.JurorId, StringComparer.Ordinal)
            .SelectMany(s => s.Points.Select(p => new object?[] { s.ProfileCode, s.StageCode, s.JurorId, p.CriterionCode, p.Points })));

    private static async Task<IResult> PublishedAsync(
        string code, string? version, ResultsReader reader, HttpContext http, Func<StoredPackage, IResult> file, CancellationToken ct)
    {
        if (!ResultsVersion.TryParse(version, out var wanted))
        {
            return Results.BadRequest("Versión no válida: escriba un número entero positivo. / Invalid version: write a positive whole number.");
        }
        var stored = await reader.PublishedPackageAsync(code, wanted, ct);
        if (stored is null)
        {
            return Results.NotFound();
        }
        // A given version never changes; the latest may be superseded by a correction.
        http.Response.Headers.CacheControl = wanted is null ? "no-cache" : "public, max-age=3600";
        return file(stored);
    }

    private static async Task<IResult> PreviewAsync(int contestId, ResultsReader reader, Func<StoredPackage, IResult> file, CancellationToken ct)
    {
        var preview = await reader.PreviewPackageAsync(contestId, ct);
        return preview is null ? Results.NotFound() : file(preview);
    }

    private static IResult File(HttpContext http, byte[] bytes, string contentType, string name)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!http.Response.Headers.ContainsKey("Cache-Control"))
        {
            http.Response.Headers.CacheControl = "private, no-store";
        }
        return Results.File(bytes, contentType, name);
    }

    private static string Version(StoredPackage package) => package.Publication.Version.ToString(CultureInfo.InvariantCulture);
}
