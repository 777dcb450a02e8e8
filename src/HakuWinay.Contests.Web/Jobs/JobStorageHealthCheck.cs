using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HakuWinay.Contests.Web.Jobs;

/// <summary>Healthy when Hangfire's storage answers a statistics query.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy($"{statistics.Servers} job server(s), {statistics.Enqueued} job(s) enqueued."));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", ex));
        }
    }
}
