using System.Security.Claims;
using Hangfire.Server;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// The portal's log (docs/decisions/027-logs-and-health.md): JSON lines on the console outside
/// Development, each with its scopes (the trace id of the request, the signed-in user's id, the
/// Hangfire job's id); the readable console in Development. Request URLs are never logged with
/// their query string, where the set-password and confirm-email links carry their token.
/// </summary>
internal static class LoggingSetup
{
    /// <summary>ASP.NET Core's "Request starting/finished" lines, which print the query string.</summary>
    public const string RequestLinesCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        // Added after the configuration's rules, so it wins over "Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics":
        // a token in a link must not reach the log even when an operator turns request logging up.
        builder.Logging.AddFilter(RequestLinesCategory, level => level >= LogLevel.Warning);
        // And for the console, where a "Logging:Console:LogLevel:…" rule would otherwise take precedence.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(RequestLinesCategory, level => level >= LogLevel.Warning);
    }

    /// <summary>After authentication: every log of the request carries the user's id (never the email).</summary>
    public static void UseUserLogScope(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HakuWinay.Contests.Web.Requests");
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId)
            {
                await next(context);
                return;
            }
            using (logger.BeginScope("UserId:{UserId}", userId))
            {
                await next(context);
            }
        });
    }
}

/// <summary>
/// Every log written while a Hangfire job runs carries the job's id. The scope is pushed and
/// popped synchronously around the job on the worker's thread, so it covers the whole job.
/// </summary>
internal sealed class JobLogScopeFilter(ILoggerFactory loggerFactory) : IServerFilter
{
    private const string ScopeKey = "HakuWinay.LogScope";
    private readonly ILogger _logger = loggerFactory.CreateLogger("HakuWinay.Contests.Web.Jobs");

    public void OnPerforming(PerformingContext context)
    {
        if (_logger.BeginScope("JobId:{JobId}", context.BackgroundJob.Id) is { } scope)
        {
            context.Items[ScopeKey] = scope;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.Remove(ScopeKey, out var scope))
        {
            (scope as IDisposable)?.Dispose();
        }
    }
}
