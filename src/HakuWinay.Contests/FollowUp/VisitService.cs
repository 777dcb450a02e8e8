using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.FollowUp;

/// <summary>
/// Follow-up visits: the assigned Technician files the report and its photos while the visit is
/// open (scheduled, overdue or sent back); an Admin approves it or sends it back with comments.
/// Another Technician's visit answers NotFound, so ids reveal nothing. Every step is audited;
/// a submission emails the Admins, a send-back the Technician, and an approval asks for a sweep
/// (an approved satisfactory visit meets the next tranche's condition).
/// </summary>
public sealed class VisitService(
    IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage, TimeProvider clock,
    IOutboxSignal outboxSignal, IExecutionSweepTrigger sweep, IContestEvents events)
{
    public async Task<ServiceResult<VisitStatus>> SubmitReportAsync(ActingUser technician, int visitId, VisitReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(technician);
        ArgumentNullException.ThrowIfNull(report);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await AssignedVisitAsync(db, technician, visitId, ct);
        if (!await StaffReach.ReachesAsync(db, technician, TerritoryResource.Visit, visitId, ct))
        {
            return StaffReach.Refused<VisitStatus>();
        }
        if (visit is null)
        {
            return ServiceResult<VisitStatus>.Fail(ServiceOutcome.NotFound);
        }
        var award = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == visit.AwardId, ct);
        if (award.Status != AwardStatus.Active)
        {
            return ServiceResult<VisitStatus>.Invalid("Visit", "Visits.AwardNotActive");
        }
        if (VisitReportRules.WhyClosed(visit.Status) is { } closed)
        {
            return ServiceResult<VisitStatus>.Invalid([closed]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(LimaTime.ToLima(now));
        var lineIds = await db.Set<InvestmentLine>().Where(l => l.BusinessProfileId == award.BusinessProfileId).Select(l => l.Id).ToListAsync(ct);
        var violations = VisitReportRules.Check(report, lineIds, today);
        if (violations.Count > 0)
        {
            return ServiceResult<VisitStatus>.Invalid(violations);
        }
        var before = visit.Status;
        visit.Submit(report, lineIds, technician.UserId, now, today);
        db.AuditLog.Add(AuditEntry.Record(now, technician.UserId, "visit.submitted", nameof(AwardVisit), Key(visit.Id), award.ContestId, award.BusinessProfileId,
            before: new { Status = before.ToString() },
            after: new { Status = visit.Status.ToString(), visit.VisitedOn, visit.MembersPresent, visit.SalesToDate, visit.Jobs, Rating = visit.Rating.ToString(), Lines = visit.Progress.Count }));
        var queued = await QueueToAdminsAsync(db, visit, award, now, ct);
        if (await SaveAsync(db, award, ct) is { } conflict)
        {
            return ServiceResult<VisitStatus>.Fail(conflict);
        }
        if (queued)
        {
            outboxSignal.MessagesQueued();
        }
        return ServiceResult<VisitStatus>.Ok(visit.Status);
    }

    /// <summary>Adds a JPEG or PNG photo (at most 10 MB, at most <see cref="AwardVisit.MaxPhotos"/> per visit).</summary>
    public async Task<ServiceResult<int>> AddPhotoAsync(ActingUser technician, int visitId, UploadedFile? upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(technician);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await AssignedVisitAsync(db, technician, visitId, ct);
        if (!await StaffReach.ReachesAsync(db, technician, TerritoryResource.Visit, visitId, ct))
        {
            return StaffReach.Refused<int>();
        }
        if (visit is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (VisitReportRules.WhyClosed(visit.Status) is { } closed)
        {
            return ServiceResult<int>.Invalid([closed]);
        }
        if (visit.Photos.Count >= AwardVisit.MaxPhotos)
        {
            return ServiceResult<int>.Invalid("Photos", "Visits.TooManyPhotos", AwardVisit.MaxPhotos);
        }
        var (file, refusal) = await FileIntake.StoreAsync(storage, upload, FileIntake.ImagesOnly, "Photos", ct);
        if (refusal is not null)
        {
            return ServiceResult<int>.Invalid([refusal]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var photo = visit.AddPhoto(file!, technician.UserId, now);
        db.AuditLog.Add(AuditEntry.Record(now, technician.UserId, "visit.photo-added", nameof(AwardVisit), Key(visit.Id),
            after: new { file!.DisplayName, file.Sha256, file.SizeBytes }));
        if (await SaveAsync(db, null, ct) is { } conflict)
        {
            FileIntake.Discard(storage, file);
            return ServiceResult<int>.Fail(conflict);
        }
        return ServiceResult<int>.Ok(photo.Id);
    }

    public async Task<ServiceResult<int>> RemovePhotoAsync(ActingUser technician, int visitId, int photoId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(technician);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await AssignedVisitAsync(db, technician, visitId, ct);
        if (!await StaffReach.ReachesAsync(db, technician, TerritoryResource.Visit, visitId, ct))
        {
            return StaffReach.Refused<int>();
        }
        if (visit is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (VisitReportRules.WhyClosed(visit.Status) is { } closed)
        {
            return ServiceResult<int>.Invalid([closed]);
        }
        var photo = visit.Photos.SingleOrDefault(p => p.Id == photoId);
        if (photo is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var storageName = photo.File.StorageName;
        visit.RemovePhoto(photoId, now);
        db.AuditLog.Add(AuditEntry.Record(now, technician.UserId, "visit.photo-removed", nameof(AwardVisit), Key(visit.Id),
            before: new { photo.File.DisplayName, photo.File.Sha256 }));
        if (await SaveAsync(db, null, ct) is { } conflict)
        {
            return ServiceResult<int>.Fail(conflict);
        }
        File.Delete(storage.PathOf(storageName));
        return ServiceResult<int>.Ok(photoId);
    }

    /// <summary>
    /// The Admin approves a submitted report. <paramref name="readVersion"/>, when given, is the
    /// version the Admin read: a report changed since then answers Conflict.
    /// </summary>
    public Task<ServiceResult<VisitStatus>> ApproveAsync(ActingUser admin, int visitId, Guid? readVersion = null, CancellationToken ct = default) =>
        ReviewAsync(admin, visitId, readVersion, comment: null, approve: true, ct);

    /// <summary>The Admin sends a submitted report back to its Technician with comments (required).</summary>
    public Task<ServiceResult<VisitStatus>> SendBackAsync(ActingUser admin, int visitId, string? comment, Guid? readVersion = null, CancellationToken ct = default) =>
        ReviewAsync(admin, visitId, readVersion, comment, approve: false, ct);

    private async Task<ServiceResult<VisitStatus>> ReviewAsync(ActingUser admin, int visitId, Guid? readVersion, string? comment, bool approve, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<VisitStatus>.Fail(ServiceOutcome.NotFound);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visit = await db.AwardVisits.SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            return ServiceResult<VisitStatus>.Fail(ServiceOutcome.NotFound);
        }
        if (!await StaffReach.ReachesAsync(db, admin, TerritoryResource.Visit, visitId, ct))
        {
            return StaffReach.Refused<VisitStatus>();
        }
        if (visit.Status == VisitStatus.Approved)
        {
            return ServiceResult<VisitStatus>.Invalid("Visit", "Visits.AlreadyApproved");
        }
        if (visit.Status != VisitStatus.Submitted)
        {
            return ServiceResult<VisitStatus>.Invalid("Visit", "Visits.NotSubmitted");
        }
        if (readVersion is { } read && read != visit.Version)
        {
            return ServiceResult<VisitStatus>.Fail(ServiceOutcome.Conflict);
        }
        var text = comment?.Trim();
        if (!approve && string.IsNullOrEmpty(text))
        {
            return ServiceResult<VisitStatus>.Invalid("Comment", "Visits.CommentRequired");
        }
        if (!approve && text!.Length > AwardVisit.MaxCommentLength)
        {
            return ServiceResult<VisitStatus>.Invalid("Comment", "Visits.CommentTooLong", AwardVisit.MaxCommentLength);
        }
        var award = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == visit.AwardId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = false;
        if (approve)
        {
            visit.Approve(admin.UserId, now);
        }
        else
        {
            visit.SendBack(text!, admin.UserId, now);
            queued = await QueueToTechnicianAsync(db, visit, award, now, ct);
        }
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, approve ? "visit.approved" : "visit.sent-back", nameof(AwardVisit), Key(visit.Id),
            award.ContestId, award.BusinessProfileId, before: new { Status = VisitStatus.Submitted.ToString() },
            after: new { Status = visit.Status.ToString(), Rating = visit.Rating.ToString(), visit.ReviewComment }));
        if (await SaveAsync(db, award, ct) is { } conflict)
        {
            return ServiceResult<VisitStatus>.Fail(conflict);
        }
        if (queued)
        {
            outboxSignal.MessagesQueued();
        }
        if (approve)
        {
            sweep.SweepSoon();
        }
        return ServiceResult<VisitStatus>.Ok(visit.Status);
    }

    private static async Task<AwardVisit?> AssignedVisitAsync(ContestsDbContext db, ActingUser user, int visitId, CancellationToken ct) =>
        await db.AwardVisits.Include(v => v.Progress).Include(v => v.Photos)
            .SingleOrDefaultAsync(v => v.Id == visitId && v.TechnicianUserId == user.UserId, ct);

    /// <summary>Saves; a change the award's pages show (a report submitted, approved or sent back) is told to them once committed.</summary>
    private async Task<ServiceOutcome?> SaveAsync(ContestsDbContext db, Award? award, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            if (award is not null)
            {
                events.Publish(ContestEvent.Award(award.ContestId, award.Id));
            }
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceOutcome.Conflict;
        }
    }

    private static async Task<bool> QueueToAdminsAsync(ContestsDbContext db, AwardVisit visit, Award award, DateTime now, CancellationToken ct)
    {
        var adminRole = Roles.Admin.ToUpperInvariant();
        var admins = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.NormalizedName == adminRole && u.Email != null
                            select new { u.Id, Email = u.Email! }).ToListAsync(ct);
        var about = await AboutAsync(db, award, ct);
        var warning = EmailMarkdown.Trusted(visit.Rating == VisitRating.Unsatisfactory
            ? "\n\n**Atención: el técnico calificó la visita como INSATISFACTORIA.**"
            : "");
        EmailMarkdown body = $"""
            El técnico presentó el informe de la visita {visit.Order} a **{about.Group}** (perfil {about.Code}).{warning}

            Revíselo en el portal: /admin/visits/{Key(visit.Id)}
            """;
        var queued = false;
        foreach (var admin in admins)
        {
            queued |= await NotificationOutbox.QueueAsync(db, admin.Email, $"Informe de visita por revisar: {about.Code}", body, now,
                $"visit-submitted:{Key(visit.Id)}:{visit.SubmittedAtUtc!.Value.Ticks.ToString(CultureInfo.InvariantCulture)}:{admin.Id}", ct);
        }
        return queued;
    }

    private static async Task<bool> QueueToTechnicianAsync(ContestsDbContext db, AwardVisit visit, Award award, DateTime now, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == visit.TechnicianUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return false;
        }
        var about = await AboutAsync(db, award, ct);
        EmailMarkdown body = $"""
            El informe de la visita {visit.Order} a **{about.Group}** (perfil {about.Code}) fue devuelto con observaciones:

            {visit.ReviewComment}

            Corríjalo en el portal: /technician/visits/{Key(visit.Id)}
            """;
        return await NotificationOutbox.QueueAsync(db, email, $"Informe de visita devuelto: {about.Code}", body, now,
            $"visit-sent-back:{Key(visit.Id)}:{visit.ReviewedAtUtc!.Value.Ticks.ToString(CultureInfo.InvariantCulture)}", ct);
    }

    private static async Task<(string Group, string Code)> AboutAsync(ContestsDbContext db, Award award, CancellationToken ct)
    {
        var about = await (from p in db.BusinessProfiles
                           join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                           where p.Id == award.BusinessProfileId
                           select new { g.Name, p.Code }).SingleAsync(ct);
        return (about.Name, about.Code ?? "");
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
