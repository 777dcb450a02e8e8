using Hangfire;
using HakuWinay.Contests.Notifications;

namespace HakuWinay.Contests.Web.Notifications;

/// <summary>Wakes the dispatcher at once instead of waiting for the next minute of the recurring job.</summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs) : IOutboxSignal
{
    public void MessagesQueued() => jobs.Enqueue<DispatchOutboxJob>(job => job.RunAsync(CancellationToken.None));
}
