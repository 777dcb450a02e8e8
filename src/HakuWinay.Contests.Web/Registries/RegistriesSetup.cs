using Hangfire;
using HakuWinay.Contests.Registries;

namespace HakuWinay.Contests.Web.Registries;

/// <summary>The padrones: their import (with its job), the checks of member households, the queries of their pages.</summary>
public static class RegistriesSetup
{
    public static IServiceCollection AddRegistries(this IServiceCollection services)
    {
        services.AddScoped<RegistryImportService>();
        services.AddScoped<RegistryQueries>();
        services.AddScoped<RegistryCheckService>();
        services.AddScoped<RegistryProjectService>();
        services.AddScoped<IRegistryImportJobs, HangfireRegistryImportJobs>();
        services.AddTransient<RegistryImportJob>();
        return services;
    }
}

/// <summary>Queues a large padrón's import on Hangfire; the database row, not the job store, says what is left to write.</summary>
public sealed class HangfireRegistryImportJobs(IBackgroundJobClient jobs) : IRegistryImportJobs
{
    public void Enqueue(int importId) => jobs.Enqueue<RegistryImportJob>(job => job.RunAsync(importId, CancellationToken.None));
}
