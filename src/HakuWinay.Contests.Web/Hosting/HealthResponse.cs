using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>/health (and /health/live, /health/ready) answers JSON with each check's status, and 503 when any is unhealthy.</summary>
internal static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = With(_ => true);

    /// <summary>The same answer for the checks the predicate selects (none: the process answers, so it is healthy).</summary>
    public static HealthCheckOptions With(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
        // Cache-Control: no-store, no-cache; a probe always sees the present.
        AllowCachingResponses = false,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
