using HakuWinay.Contests.Data;
using HakuWinay.Contests.Web.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.OutputCaching;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// The health endpoints (docs/decisions/027-logs-and-health.md): <c>/health/live</c> says the process
/// answers and checks nothing; <c>/health/ready</c> checks what a request needs (the database, the job
/// storage); <c>/health</c> keeps reporting every check. Anonymous, never rate limited, never cached.
/// </summary>
internal static class HealthSetup
{
    public const string LivePath = DeploymentSetup.HealthPath + "/live";
    public const string ReadyPath = DeploymentSetup.HealthPath + "/ready";
    public const string ReadyTag = "ready";

    public static void AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<ContestsDbContext>("database", tags: [ReadyTag])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [ReadyTag]);

    public static void MapPortalHealthChecks(this WebApplication app)
    {
        Map(app, DeploymentSetup.HealthPath, HealthResponse.Options);
        Map(app, LivePath, HealthResponse.With(_ => false));
        Map(app, ReadyPath, HealthResponse.With(check => check.Tags.Contains(ReadyTag)));
    }

    private static void Map(WebApplication app, string path, HealthCheckOptions options) =>
        app.MapHealthChecks(path, options)
            .AllowAnonymous()
            .DisableRateLimiting()
            .WithMetadata(new OutputCacheAttribute { NoStore = true });
}
