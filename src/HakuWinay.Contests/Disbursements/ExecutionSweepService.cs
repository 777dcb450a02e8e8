using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Disbursements;

/// <summary>What one sweep changed.</summary>
public sealed record SweepSummary(int TranchesMadeDue, int VisitRemindersQueued, int VisitsMarkedOverdue);

/// <summary>
/// The execution sweep (the helper building it replaces this placeholder): moves tranches whose
/// conditions are met to Due and emails the Admins once, reminds Technicians of visits, marks
/// unreported visits Overdue and emails the Admins.
/// </summary>
public sealed class ExecutionSweepService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal)
{
    public Task<SweepSummary> SweepAsync(CancellationToken ct = default)
    {
        _ = (dbFactory, clock, outboxSignal, ct);
        throw new NotImplementedException("The execution sweep is being built.");
    }
}
