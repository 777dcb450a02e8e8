using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.FieldSync;

/// <summary>A conflict of interest as the device sends it: declared offline from one of the juror's field scorecards, with the online form's kind and note.</summary>
public sealed record OfflineConflict(int ScorecardId, ConflictKind Kind, string? Note);

/// <summary>The event every answered device item publishes, so the Administrator's field-sync page follows without a reload.</summary>
public static class FieldSyncEvents
{
    public static ContestEvent Answered(DeviceSubmission row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ContestEvent(row.ContestId, ContestChange.DeviceItemAnswered, ProfileId: row.ProfileId, ScorecardId: row.Kind == DeviceSubmissionKind.VisitReport ? null : row.TargetId, JurorUserId: row.UserId);
    }
}

/// <summary>
/// Applies a conflict of interest a juror declared offline (docs/decisions/036, amendment) through
/// <see cref="ConflictService.DeclareAsync"/>, the service the online declaration form calls, once
/// under the device-made id, exactly as <see cref="FieldSyncService.SubmitScorecardAsync"/> applies a scorecard.
/// </summary>
public sealed class ConflictSync(IDbContextFactory<ContestsDbContext> dbFactory, ConflictService conflicts, TimeProvider clock, IContestEvents? events = null)
{
    /// <summary>
    /// NotFound when the scorecard is not the juror's own (ids reveal nothing); Conflict while another
    /// send of the same id is being applied, or when the online service met a concurrent change (the
    /// device tries again); Invalid ("FieldSync.IdReused") when the id came before with other content.
    /// Otherwise the answer: accepted when the conflict is recorded (also when it was recorded meanwhile).
    /// </summary>
    public async Task<ServiceResult<DeviceAnswer>> DeclareAsync(ActingUser juror, Guid id, OfflineConflict item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(juror);
        ArgumentNullException.ThrowIfNull(item);
        if (id == Guid.Empty)
        {
            return ServiceResult<DeviceAnswer>.Invalid("Id", "FieldSync.BadId");
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(item, FieldSyncService.Json))));
        var now = clock.GetUtcNow().UtcDateTime;
        int contestId;
        int groupId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var existing = await db.DeviceSubmissions.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (existing is not null)
            {
                if (existing.UserId != juror.UserId)
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.NotFound);
                }
                if (existing.PayloadHash != hash || existing.TargetId != item.ScorecardId || existing.Kind != DeviceSubmissionKind.ConflictDeclaration)
                {
                    return ServiceResult<DeviceAnswer>.Invalid("Id", "FieldSync.IdReused");
                }
                if (existing.State != DeviceSubmissionState.Pending)
                {
                    return ServiceResult<DeviceAnswer>.Ok(FieldSyncService.AnswerOf(existing));
                }
                if (!existing.IsAbandoned(now))
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.Conflict);
                }
                existing.Reclaim(now);
                contestId = existing.ContestId;
                groupId = await db.BusinessProfiles.Where(p => p.Id == existing.ProfileId).Select(p => p.ProducerGroupId).SingleAsync(ct);
                await db.SaveChangesAsync(ct);
            }
            else
            {
                var target = await (from s in db.Scorecards
                                    join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                                    where s.Id == item.ScorecardId && s.JurorUserId == juror.UserId
                                    select new { p.ContestId, ProfileId = p.Id, p.ProducerGroupId }).SingleOrDefaultAsync(ct);
                if (target is null)
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.NotFound);
                }
                (contestId, groupId) = (target.ContestId, target.ProducerGroupId);
                db.DeviceSubmissions.Add(new DeviceSubmission(id, juror.UserId, DeviceSubmissionKind.ConflictDeclaration, item.ScorecardId, target.ContestId,
                    target.ProfileId, hash, now));
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // The same id arrived at the same moment on another request: that one applies it.
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.Conflict);
                }
            }
        }

        var result = await conflicts.DeclareAsync(juror.UserId, contestId, groupId, item.Kind, item.Note, ct);
        await using var save = await dbFactory.CreateDbContextAsync(ct);
        var claim = await save.DeviceSubmissions.SingleAsync(s => s.Id == id, ct);
        if (result.Outcome == ServiceOutcome.Conflict)
        {
            // An assignment run saved at the same moment: nothing was recorded; the claim goes so the device's next try applies it.
            save.DeviceSubmissions.Remove(claim);
            await save.SaveChangesAsync(ct);
            return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.Conflict);
        }
        var answeredAt = clock.GetUtcNow().UtcDateTime;
        if (result.Succeeded || result.Violations.Any(v => v.Rule == "Judging.AlreadyDeclared"))
        {
            claim.Accept(answeredAt);
        }
        else
        {
            IReadOnlyList<RuleViolation> refusals = result.Outcome switch
            {
                ServiceOutcome.Invalid => result.Violations,
                ServiceOutcome.Forbidden => [new("Scorecard", "FieldSync.Unappointed")],
                _ => [new("Scorecard", "FieldSync.NotAvailable")],
            };
            claim.Refuse(JsonSerializer.Serialize(refusals.Select(r => new FieldSyncService.StoredRefusal(r.Field, r.Rule, r.Arguments.Select(FieldSyncService.Text).ToList())),
                FieldSyncService.Json), answeredAt);
            save.AuditLog.Add(AuditEntry.Record(answeredAt, juror.UserId, "device.refused", nameof(DeviceSubmission), id.ToString(), claim.ContestId,
                claim.ProfileId, after: new { ScorecardId = item.ScorecardId, Kind = nameof(DeviceSubmissionKind.ConflictDeclaration), Rules = refusals.Select(r => r.Rule).ToList() }));
        }
        await save.SaveChangesAsync(ct);
        events?.Publish(FieldSyncEvents.Answered(claim));
        return ServiceResult<DeviceAnswer>.Ok(FieldSyncService.AnswerOf(claim));
    }
}
