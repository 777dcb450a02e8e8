using Hangfire;

namespace HakuWinay.Contests.Contests;

/// <summary>Hangfire job, every minute: opens and closes calls on time.</summary>
public sealed class ContestClockJob(ContestClock contestClock)
{
    public const string RecurringId = "contest-clock";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => contestClock.SyncAsync(cancellationToken);
}
