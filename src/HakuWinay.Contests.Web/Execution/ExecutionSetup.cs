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
        // As CSV or as Excel (TableFiles): one endpoint, so both share the access rule and the rate limit.
        app.MapGet("/admin/contests/{contestId:int}/execution.{format}", async (int contestId, string format, ExecutionDashboardQueries queries,
                IStringLocalizer<SharedResource> localizer, HttpContext http, CancellationToken ct) =>
            {
                if (!TableFiles.TryParse(format, out var f))
                {
                    return Results.NotFound();
                }
                var execution = await queries.ForContestAsync(contestId, ct);
                if (execution is null)
                {
                    return Results.NotFound();
                }
                var table = ExecutionDashboardCsv.Table(execution, r => ExecutionText.Reason(localizer, r));
                return TableFiles.Send(http, table, f, $"ejecucion-{execution.ContestCode}-{execution.Dashboard.TodayInLima:yyyy-MM-dd}");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .RequireRateLimiting(RateLimits.PrivateDownloads);
        return app;
    }
}
