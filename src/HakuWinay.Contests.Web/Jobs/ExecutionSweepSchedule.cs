using System.Globalization;

namespace HakuWinay.Contests.Web.Jobs;

/// <summary>
/// How often the execution sweep runs (<c>Execution:SweepInterval</c>, a TimeSpan, default five
/// minutes) and the cron expression Hangfire gets for it. Cron steps only repeat evenly when they
/// divide their unit, so the interval must be a whole number of seconds that divides a minute, of
/// minutes that divides an hour, or of hours that divides a day. Hangfire (1.7 and later, through
/// Cronos) takes a six-field expression for seconds.
/// </summary>
public static class ExecutionSweepSchedule
{
    public const string Setting = "Execution:SweepInterval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>Hangfire's default polling of its schedule and queues; a faster sweep needs faster polling.</summary>
    public static readonly TimeSpan DefaultPolling = TimeSpan.FromSeconds(15);

    public static TimeSpan Interval(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultInterval;
        }
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval))
        {
            throw new InvalidOperationException($"{Setting} must be a time span such as 00:05:00 (five minutes), not \"{text}\".");
        }
        _ = Cron(interval);
        return interval;
    }

    /// <summary>The cron expression that runs every <paramref name="interval"/>; refuses an interval cron cannot repeat evenly.</summary>
    public static string Cron(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Setting} must be longer than zero, not {interval}.");
        }
        var seconds = interval.TotalSeconds;
        if (interval == TimeSpan.FromDays(1))
        {
            return "0 0 * * *";
        }
        if ( seconds < 60 && seconds == Math.Floor(seconds) && 60 % (int)seconds == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"*/{(int)seconds} * * * * *");
        }
        if (interval.TotalMinutes < 60 && seconds % 60 == 0 && 60 % (int)interval.TotalMinutes == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"*/{(int)interval.TotalMinutes} * * * *");
        }
        if (interval.TotalHours < 24 && seconds % 3600 == 0 && 24 % (int)interval.TotalHours == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"0 */{(int)interval.TotalHours} * * *");
        }
        throw new InvalidOperationException(
            $"{Setting} is {interval}: it must be a whole number of seconds dividing a minute (1, 2, 5, 10, 15, 30 s), " +
            "of minutes dividing an hour (1, 2, 5, 10, 15, 30 min) or of hours dividing a day (1, 2, 3, 4, 6, 8, 12, 24 h).");
    }

    /// <summary>How often Hangfire polls its schedule and queues: its default, or the interval when that is shorter.</summary>
    public static TimeSpan Polling(TimeSpan interval) => interval < DefaultPolling ? interval : DefaultPolling;
}
