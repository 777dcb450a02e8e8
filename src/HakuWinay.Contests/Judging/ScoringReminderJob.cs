using Hangfire;

namespace HakuWinay.Contests.Judging;

/// <summary>Hangfire job, every ten minutes: emails the scoring reminders that are due. Safe to run twice.</summary>
public sealed class ScoringReminderJob(ScoringReminderService reminders)
{
    public const string RecurringId = "scoring-reminders";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => reminders.SendDueAsync(cancellationToken);
}
