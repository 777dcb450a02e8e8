using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Notifications;

namespace HakuWinay.Contests.Web.Jobs;

/// <summary>
/// The one place Hangfire is configured. Its storage follows the database provider (in-memory
/// for SQLite). The job store only schedules: every recurring job re-derives what is due from
/// the database, so losing the in-memory store on a restart loses nothing.
/// </summary>
public static class HangfireSetup
{
    public const string DashboardPath = "/admin/jobs";

    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration, DatabaseSetup.ResolvedDatabase database)
    {
        // A sweep faster than Hangfire's 15-second polling (the tests use one) needs faster polling
        // of the schedule and, on PostgreSQL, of the queues, or it would run only every 15 seconds.
        var polling = ExecutionSweepSchedule.Polling(ExecutionSweepSchedule.Interval(configuration));
        var postgreSqlOptions = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, SchemaName = "hangfire", QueuePollInterval = polling };
        // The storage is one instance per app, registered before AddHangfire so Hangfire uses it
        // instead of the process-wide JobStorage.Current (two portals in one process, as in the
        // tests, must not share or dispose each other's storage).
        services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }),
            DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(database.ConnectionString, postgreSqlOptions), postgreSqlOptions),
            _ => new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }),
        });
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        var workers = configuration.GetValue("Hangfire:WorkerCount", 2);
        if (workers > 0)
        {
            services.AddHangfireServer((provider, options) =>
            {
                // This server's own filters, not Hangfire's process-wide GlobalJobFilters (two portals share a test process).
                options.FilterProvider = new JobFilterProviderCollection(
                    options.FilterProvider ?? JobFilterProviders.Providers,
                    new JobFilterCollection { new Hosting.JobLogScopeFilter(provider.GetRequiredService<ILoggerFactory>()) });
                options.WorkerCount = workers;
                options.SchedulePollingInterval = polling;
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        services.AddTransient<DispatchOutboxJob>();
        services.AddTransient<ContestClockJob>();
        services.AddTransient<ScoringReminderJob>();
        services.AddTransient<ExecutionSweepJob>();
        services.AddScoped<IExecutionLinks, ExecutionLinks>();
        return services;
    }

    /// <summary>
    /// Applies this portal's Hangfire configuration, then registers (or updates) every recurring
    /// job. Idempotent; runs at each start.
    /// </summary>
    public static void RegisterRecurringJobs(IServiceProvider services)
    {
        services.GetRequiredService<IGlobalConfiguration>();
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<DispatchOutboxJob>(DispatchOutboxJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<ContestClockJob>(ContestClockJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<ScoringReminderJob>(ScoringReminderJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        var sweep = ExecutionSweepSchedule.Cron(ExecutionSweepSchedule.Interval(services.GetRequiredService<IConfiguration>()));
        jobs.AddOrUpdate<ExecutionSweepJob>(ExecutionSweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), sweep);
    }

    public static void MapJobsDashboard(this WebApplication app)
    {
        // Authorization is done by the endpoint policy (Admin role), not by Hangfire's own filter,
        // so anonymous users are sent to sign in and other roles are refused like on any page.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DashboardTitle = "Haku Wiñay · Tareas programadas",
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        // Hangfire's stats are POSTed by its own page; a GET would make it read a form there is not (a 500).
        app.MapGet(DashboardPath + "/stats", () => Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status405MethodNotAllowed))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
    }
}
