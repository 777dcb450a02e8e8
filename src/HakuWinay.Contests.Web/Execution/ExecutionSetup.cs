using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Identity;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Execution;

// HakuWinay.Contests.Web.Results would otherwise hide ASP.NET Core's Results class here.
using Results = Microsoft.AspNetCore.Http.Results;
using HakuWinay.Contests.Web.Hosting;

/// <summary>The execution dashboard: the services and endpoints of the feature.</summary>
public static class ExecutionSetup
{
    public static IServiceCollection AddExecution(this IServiceCollection services)
    {
        services.AddScoped<ExecutionDashboardQueries>();
        return services;
    }

    public static WebApplication MapExecutionEndpoints(this WebApplication app)
    {
        // The dashboard's totals and businesses at risk, for the Admin's report to the ministry.
        app.MapGet("/admin/contests/{contestId:int}/execution.csv", async (int contestId, ExecutionDashboardQueries queries,
                IStringLocalizer<SharedResource> localizer, HttpContext http, CancellationToken ct) =>
            {
                var execution = await queries.ForContestAsync(contestId, ct);
                if (execution is null)
                {
                    return Results.NotFound();
                }
                var bytes = ExecutionDashboardCsv.Write(execution, r => ExecutionText.Reason(localizer, r));
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, no-store";
                var name = $"ejecucion-{execution.ContestCode}-{execution.Dashboard.TodayInLima:yyyy-MM-dd}.csv";
                return Results.File(bytes, "text/csv; charset=utf-8", name);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
        return app;
    }
}
