using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// The Admin sets a stage's scoring deadline (typed as Lima wall-clock time, stored UTC) and its
/// spread threshold. A deadline already past is allowed: it closes the stage's online scoring at
/// once, which is what an Admin typing it means; the page warns so it is not a slip of the finger.
/// </summary>
public sealed class ScoringScheduleService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ServiceResult<ScheduledScoring>> ScheduleAsync(ActingUser admin, int stageId, DateTime? deadlineLima, decimal spreadThreshold, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<ScheduledScoring>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<ContestStage>().SingleOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null)
        {
            return ServiceResult<ScheduledScoring>.Fail(ServiceOutcome.NotFound);
        }
        var before = new { stage.ScoringDeadlineUtc, stage.SpreadThreshold };
        var deadlineUtc = deadlineLima is { } lima ? LimaTime.ToUtc(lima) : (DateTime?)null;
        try
        {
            stage.ScheduleScoring(deadlineUtc is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null, spreadThreshold);
        }
        catch (ContestRuleException e)
        {
            return ServiceResult<ScheduledScoring>.Invalid("SpreadThreshold", e.Violation.Rule, e.Violation.Arguments);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "stage.scoring-scheduled", nameof(ContestStage), stage.Id.ToString(CultureInfo.InvariantCulture),
            stage.ContestId, before: before, after: new { stage.ScoringDeadlineUtc, stage.SpreadThreshold }));
        await db.SaveChangesAsync(ct);
        return ServiceResult<ScheduledScoring>.Ok(new ScheduledScoring(stage.ScoringDeadlineUtc, stage.SpreadThreshold, deadlineUtc is { } due && due <= now));
    }
}

/// <summary>What was saved; <see cref="DeadlinePassed"/>: the deadline is already behind us, so online scoring of the stage is closed.</summary>
public sealed record ScheduledScoring(DateTime? ScoringDeadlineUtc, decimal SpreadThreshold, bool DeadlinePassed);
