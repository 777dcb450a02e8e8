using Hangfire;

namespace HakuWinay.Contests.Disbursements;

/// <summary>
/// Asks for a sweep soon (after an agreement, a payment, an approval), so what it makes due does
/// not wait for the next recurring run. The sweep itself re-derives everything from the database.
/// </summary>
public interface IExecutionSweepTrigger
{
    void SweepSoon();
}

/// <summary>Hangfire job, every few minutes (Execution:SweepInterval): the execution sweep. Safe to run twice or on two servers.</summary>
public sealed class ExecutionSweepJob(ExecutionSweepService sweep)
{
    public const string RecurringId = "execution-sweep";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.SweepAsync(cancellationToken);
}
