using Hangfire.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace HakuWinay.Contests.Web.Jobs;

/// <summary>
/// Sends Hangfire's log into ASP.NET Core logging. Hangfire keeps its log provider in a
/// process-wide static; when several portals share a process (the integration tests) one may
/// outlive another's logger factory, so a disposed factory means "log nothing", never a crash.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new ForwardingLog(factory, name);

    private sealed class ForwardingLog(ILoggerFactory factory, string name) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                logger = factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => MsLogLevel.Trace,
                HangfireLogLevel.Debug => MsLogLevel.Debug,
                HangfireLogLevel.Info => MsLogLevel.Information,
                HangfireLogLevel.Warn => MsLogLevel.Warning,
                HangfireLogLevel.Error => MsLogLevel.Error,
                _ => MsLogLevel.Critical,
            };
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }
            if (logger.IsEnabled(level))
            {
#pragma warning disable CA2254 // Hangfire hands over a finished message, not a template.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA2254
            }
            return true;
        }
    }
}
