using Hangfire;

namespace HakuWinay.Contests.Notifications;

/// <summary>
/// Hangfire job: sends due outbox messages. Recurring every minute and also enqueued right
/// after a message is queued. Safe to run twice or on two servers: the dispatcher claims each
/// message. Hangfire's own retries are off because the outbox keeps its own back-off.
/// </summary>
public sealed class DispatchOutboxJob(OutboxDispatcher dispatcher)
{
    public const string RecurringId = "dispatch-outbox";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
