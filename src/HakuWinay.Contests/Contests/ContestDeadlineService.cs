using HakuWinay.Contests.Text;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Contests;

public sealed partial class ContestAdminService
{
    /// <summary>
    /// Extends the submissions deadline for a reason, reopening a closed call, and emails the
    /// representative of every group with a draft or a submission (not a withdrawn one).
    /// Returns how many emails were queued.
    /// </summary>
    public async Task<ServiceResult<int>> ExtendDeadlineAsync(
        string adminId, int contestId, Guid expectedVersion, DateTime newCloseUtc, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (contest.Version != expectedVersion)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Conflict);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        SyncWithClock(db, contest, now);
        DeadlineExtension extension;
        try
        {
            extension = contest.ExtendDeadline(newCloseUtc, reason ?? "", now);
        }
        catch (ContestRuleException ex)
        {
            return ServiceResult<int>.Invalid([ex.Violation]);
        }
        db.AuditLog.Add(AuditEntry.Record(now, adminId, "contest.deadline-extended", nameof(Contest), contest.Code, contest.Id,
            before: new { SubmissionsCloseAtUtc = extension.PreviousCloseUtc, Status = extension.PreviousStatus.ToString() },
            after: new { SubmissionsCloseAtUtc = extension.NewCloseUtc, Status = extension.NewStatus.ToString(), extension.Reason }));
        var recipients = await (from p in db.BusinessProfiles
                                where p.ContestId == contestId && p.Status != ProfileStatus.Withdrawn
                                join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                                join u in db.Users on g.RepresentativeUserId equals u.Id
                                where u.Email != null
                                select new { GroupId = g.Id, g.Name, Email = u.Email! }).Distinct().ToListAsync(ct);
        var queued = 0;
        foreach (var recipient in recipients.DistinctBy(r => r.GroupId))
        {
            EmailMarkdown body = $"""
                Estimado(a) representante de **{recipient.Name}**:

                El plazo para enviar perfiles de negocio al concurso **{contest.Title}** ({contest.Code}) se amplió.

                - Cierre anterior: {LimaTime.Format(extension.PreviousCloseUtc)} (hora de Lima)
                - Nuevo cierre: **{LimaTime.Format(extension.NewCloseUtc)}** (hora de Lima)

                Motivo: {extension.Reason}
                """;
            if (await NotificationOutbox.QueueAsync(db, recipient.Email, $"Ampliación del plazo del concurso {contest.Code}", body, now,
                    $"contest-deadline:{contest.Id}:{extension.NewCloseUtc.Ticks}:{recipient.GroupId}", ct))
            {
                queued++;
            }
        }
        if (!await TrySaveAsync(db, ct))
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Conflict);
        }
        outboxSignal.MessagesQueued();
        Changed(contest.Id);
        return ServiceResult<int>.Ok(queued);
    }
}
