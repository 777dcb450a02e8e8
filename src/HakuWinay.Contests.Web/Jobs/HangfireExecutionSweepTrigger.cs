using Hangfire;
using HakuWinay.Contests.Disbursements;

namespace HakuWinay.Contests.Web.Jobs;

/// <summary>Enqueues a sweep at once instead of waiting for the next recurring run.</summary>
public sealed class HangfireExecutionSweepTrigger(IBackgroundJobClient jobs) : IExecutionSweepTrigger
{
    public void SweepSoon() => jobs.Enqueue<ExecutionSweepJob>(job => job.RunAsync(CancellationToken.None));
}
