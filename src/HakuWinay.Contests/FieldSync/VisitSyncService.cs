using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Territories;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.FieldSync;

/// <summary>A visit report as the device sends it once it finds a network: what the Technician queued offline, and the visit's version in the package.</summary>
public sealed record OfflineVisitReport(int VisitId, Guid Version, VisitReport Report);

/// <summary>A photo taken offline (resized on the device), as sent.</summary>
public sealed record OfflinePhoto(string FileName, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>
/// Applies a Technician's offline visit report through <see cref="VisitService"/>, the service the
/// online report page calls, so the same checks hold (visit open and assigned, award active,
/// territory, the report's rules). Applied at most once under the device-made id, with the same
/// claim as a scorecard (<see cref="FieldSyncService"/>): photos first, each skipped when the
/// visit already has its SHA-256 (a retry after a partial apply adds nothing twice), then the report.
/// </summary>
public sealed class VisitSyncService(IDbContextFactory<ContestsDbContext> dbFactory, VisitService visits, TimeProvider clock, IContestEvents? events = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// NotFound when the visit is not assigned to the Technician; Conflict while another send of
    /// the same id is being applied; Invalid when the id came before with other content or a photo
    /// is not an image (nothing claimed). Otherwise the answer, accepted or refused with its reasons.
    /// </summary>
    public async Task<ServiceResult<DeviceAnswer>> SubmitVisitReportAsync(ActingUser technician, Guid id, OfflineVisitReport item,
        IReadOnlyList<OfflinePhoto> photos, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(technician);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(photos);
        if (id == Guid.Empty)
        {
            return ServiceResult<DeviceAnswer>.Invalid("Id", "FieldSync.BadId");
        }
        if (photos.Count > AwardVisit.MaxPhotos)
        {
            return ServiceResult<DeviceAnswer>.Invalid("Photos", "Visits.TooManyPhotos", AwardVisit.MaxPhotos);
        }
        foreach (var photo in photos)
        {
            if (photo.Content.Length == 0)
            {
                return ServiceResult<DeviceAnswer>.Invalid("Photos", "Attachments.Empty");
            }
            // Checked here, not first by the photo service: a later photo refused for its name would leave the earlier ones stored.
            if (AttachmentFile.DisplayName(photo.FileName) is null)
            {
                return ServiceResult<DeviceAnswer>.Invalid("Photos", "Attachments.BadName");
            }
            if (AttachmentFile.Sniff(photo.Content.AsSpan(0, Math.Min(photo.Content.Length, 16))) is not (AttachmentKind.Jpeg or AttachmentKind.Png))
            {
                return ServiceResult<DeviceAnswer>.Invalid("Photos", "Files.ImageOnly");
            }
        }
        var hash = Hash(item, photos);
        var now = clock.GetUtcNow().UtcDateTime;
        var reclaimed = false;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var target = await (from v in db.AwardVisits
                                join a in db.Awards on v.AwardId equals a.Id
                                where v.Id == item.VisitId && v.TechnicianUserId == technician.UserId
                                select new { a.ContestId, a.BusinessProfileId }).SingleOrDefaultAsync(ct);
            // A visit left assigned after the Technician's territory was narrowed is not theirs to see (ADR 033), as online.
            if (target is not null && !await StaffReach.ReachesAsync(db, technician, TerritoryResource.Visit, item.VisitId, ct))
            {
                target = null;
            }
            var existing = await db.DeviceSubmissions.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (existing is not null)
            {
                if (existing.UserId != technician.UserId)
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.NotFound);
                }
                if (existing.PayloadHash != hash || existing.TargetId != item.VisitId || existing.Kind != DeviceSubmissionKind.VisitReport)
                {
                    return ServiceResult<DeviceAnswer>.Invalid("Id", "FieldSync.IdReused");
                }
                if (existing.State != DeviceSubmissionState.Pending)
                {
                    return ServiceResult<DeviceAnswer>.Ok(AnswerOf(existing));
                }
                if (!existing.IsAbandoned(now))
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.Conflict);
                }
                existing.Reclaim(now);
                await db.SaveChangesAsync(ct);
                reclaimed = true;
            }
            else
            {
                if (target is null)
                {
                    return ServiceResult<DeviceAnswer>.Fail(ServiceOutcome.NotFound);
                }
                db.DeviceSubmissions.Add(new DeviceSubmission(id, technician.UserId, DeviceSubmissionKind.VisitReport, item.VisitId, target.ContestId,
                    target.BusinessProfileId, hash, now));
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

        var refusals = await ApplyAsync(technician, item, photos, reclaimed, ct);
        await using var save = await dbFactory.CreateDbContextAsync(ct);
        var claim = await save.DeviceSubmissions.SingleAsync(s => s.Id == id, ct);
        var answeredAt = clock.GetUtcNow().UtcDateTime;
        if (refusals.Count == 0)
        {
            claim.Accept(answeredAt);
        }
        else
        {
            claim.Refuse(JsonSerializer.Serialize(refusals.Select(r => new StoredRefusal(r.Field, r.Rule, r.Arguments.Select(Text).ToList())), Json), answeredAt);
            save.AuditLog.Add(AuditEntry.Record(answeredAt, technician.UserId, "device.refused", nameof(DeviceSubmission), id.ToString(), claim.ContestId,
                claim.ProfileId, after: new { VisitId = item.VisitId, Rules = refusals.Select(r => r.Rule).ToList() }));
        }
        await save.SaveChangesAsync(ct);
        events?.Publish(FieldSyncEvents.Answered(claim));
        return ServiceResult<DeviceAnswer>.Ok(new DeviceAnswer(claim.Id, claim.State, refusals, claim.ReceivedAtUtc));
    }

    /// <summary>
    /// Checks what the device cannot know (the visit reported from elsewhere or changed since
    /// prepared, the award no longer active) and the report's rules before any photo is added, so a
    /// refusal leaves the visit as it was; then the photos and the report through the service.
    /// </summary>
    private async Task<IReadOnlyList<RuleViolation>> ApplyAsync(ActingUser technician, OfflineVisitReport item, IReadOnlyList<OfflinePhoto> photos,
        bool reclaimed, CancellationToken ct)
    {
        HashSet<string> stored;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var visit = await db.AwardVisits.AsNoTracking().Include(v => v.Photos).SingleOrDefaultAsync(v => v.Id == item.VisitId, ct);
            if (visit is null || visit.TechnicianUserId != technician.UserId)
            {
                return [new("Visit", "FieldSync.VisitUnassigned")];
            }
            if (!await StaffReach.ReachesAsync(db, technician, TerritoryResource.Visit, visit.Id, ct))
            {
                return [new("Visit", StaffReach.OutsideScope)];
            }
            var award = await db.Awards.AsNoTracking().Where(a => a.Id == visit.AwardId).Select(a => new { a.Status, a.BusinessProfileId }).SingleAsync(ct);
            if (award.Status != AwardStatus.Active)
            {
                return [new("Visit", "Visits.AwardNotActive")];
            }
            if (visit.Status is VisitStatus.Submitted or VisitStatus.Approved && visit.SubmittedAtUtc is { } at)
            {
                return [new("Visit", visit.Status == VisitStatus.Approved ? "FieldSync.VisitApprovedMeanwhile" : "FieldSync.VisitSubmittedElsewhere", LimaTime.Format(at))];
            }
            if (VisitReportRules.WhyClosed(visit.Status) is { } closed)
            {
                return [closed];
            }
            // A reclaimed send may have added its photos already (changing the version): its own photos do not make it stale.
            if (!reclaimed && visit.Version != item.Version)
            {
                return [new("Visit", "FieldSync.ChangedElsewhere")];
            }
            var lineIds = await db.Set<InvestmentLine>().Where(l => l.BusinessProfileId == award.BusinessProfileId).Select(l => l.Id).ToListAsync(ct);
            var violations = VisitReportRules.Check(item.Report, lineIds, DateOnly.FromDateTime(LimaTime.ToLima(clock.GetUtcNow().UtcDateTime)));
            if (violations.Count > 0)
            {
                return violations;
            }
            stored = visit.Photos.Select(p => p.File.Sha256).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        var missing = photos.Where(p => !stored.Contains(p.Sha256)).DistinctBy(p => p.Sha256).ToList();
        if (stored.Count + missing.Count > AwardVisit.MaxPhotos)
        {
            return [new("Photos", "Visits.TooManyPhotos", AwardVisit.MaxPhotos)];
        }
        var added = new List<int>();
        foreach (var photo in missing)
        {
            using var content = new MemoryStream(photo.Content, writable: false);
            var photo1 = await visits.AddPhotoAsync(technician, item.VisitId, new UploadedFile(photo.FileName, content), ct);
            if (!photo1.Succeeded)
            {
                await RemoveAsync(technician, item.VisitId, added);
                return Why(photo1.Outcome, photo1.Violations);
            }
            added.Add(photo1.Value);
        }
        var submitted = await visits.SubmitReportAsync(technician, item.VisitId, item.Report, ct);
        if (submitted.Succeeded)
        {
            return [];
        }
        await RemoveAsync(technician, item.VisitId, added);
        return Why(submitted.Outcome, submitted.Violations);
    }

    /// <summary>A refused report keeps none of the photos it brought: those this send added are taken off again.</summary>
    private async Task RemoveAsync(ActingUser technician, int visitId, IReadOnlyList<int> photoIds)
    {
        foreach (var photoId in photoIds)
        {
            // Not cancellable: half a clean-up would leave the photos the refusal says were not kept.
            await visits.RemovePhotoAsync(technician, visitId, photoId, CancellationToken.None);
        }
    }

    private static IReadOnlyList<RuleViolation> Why(ServiceOutcome outcome, IReadOnlyList<RuleViolation> violations) => outcome switch
    {
        ServiceOutcome.Invalid when violations.Any(v => v.Rule == "Visits.AwaitingReview") => [new("Visit", "FieldSync.VisitSubmittedElsewhere", "")],
        ServiceOutcome.Invalid => violations,
        ServiceOutcome.Conflict => [new("Visit", "FieldSync.ChangedElsewhere")],
        _ => [new("Visit", "FieldSync.VisitUnassigned")],
    };

    private static DeviceAnswer AnswerOf(DeviceSubmission row) => new(row.Id, row.State, Read(row.Refusals), row.ReceivedAtUtc);

    private static List<RuleViolation> Read(string? refusals) => refusals is null
        ? []
        : (JsonSerializer.Deserialize<List<StoredRefusal>>(refusals, Json) ?? []).Select(r => new RuleViolation(r.Field, r.Rule, [.. r.Arguments])).ToList();

    private static string Hash(OfflineVisitReport item, IReadOnlyList<OfflinePhoto> photos) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(item, Json) + "|" + string.Join(",", photos.Select(p => p.Sha256)))));

    private static string Text(object argument) => Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "";

    private sealed record StoredRefusal(string Field, string Rule, List<string> Arguments);
}
