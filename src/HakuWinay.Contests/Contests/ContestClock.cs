using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HakuWinay.Contests.Contests;

/// <summary>
/// Opens and closes published contests as their timelines say. The database decides what is
/// due; running it twice, or on two servers at once, changes nothing the second time.
/// </summary>
public sealed class ContestClock(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, ILogger<ContestClock> logger, IContestEvents? events = null)
{
    /// <summary>Returns how many contests changed status.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var contests = await db.Contests
            .Where(c => (c.Status == ContestStatus.Published && c.Timeline.CallOpensAtUtc <= now)
                        || (c.Status == ContestStatus.Open && c.Timeline.SubmissionsCloseAtUtc <= now))
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var contest in contests)
        {
            var before = contest.Status;
            if (!contest.SyncWithClock(now))
            {
                continue;
            }
            db.AuditLog.Add(AuditEntry.Record(now, null, "contest.status-by-clock", nameof(Contest), contest.Code,
                contestId: contest.Id, before: new { Status = before.ToString() }, after: new { Status = contest.Status.ToString() }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                changed++;
                // The home page lists open calls: its cached copies must not wait for their expiry.
                events?.Publish(new ContestEvent(contest.Id, ContestChange.ContestChanged));
                logger.LogInformation("Contest {Code} is now {Status}.", contest.Code, contest.Status);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another server moved it first; its audit entry is the one that counts.
                db.ChangeTracker.Clear();
            }
        }
        return changed;
    }
}
