using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>A file sent with an appeal: its name as the browser gave it and its content.</summary>
public sealed record AppealFile(string? FileName, Stream Content);

/// <summary>
/// Appeals (reclamos): a group's representative (or staff on its behalf) files one per contest,
/// within the contest's window after the latest publication, for a profile in that publication.
/// The Admin rejects it or upholds it (which opens a correction); each step is audited and the
/// group is emailed. An attachment is checked and stored like a profile's (<see cref="AttachmentStorage"/>).
/// </summary>
public sealed class AppealService(IDbContextFactory<ContestsDbContext> dbFactory, AttachmentStorage storage, TimeProvider clock, IOutboxSignal outboxSignal)
{
    public async Task<ServiceResult<int>> FileAsync(ActingUser user, int profileId, string? text, AppealFile? file = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await (from p in db.BusinessProfiles
                             join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                             where p.Id == profileId
                             select new { p.Id, p.ContestId, p.ProducerGroupId, p.Code, g.RepresentativeUserId }).SingleOrDefaultAsync(ct);
        if (profile is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (!user.IsStaff && profile.RepresentativeUserId != user.UserId)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        if (!await Territories.StaffReach.ReachesAsync(db, user, Territories.TerritoryResource.Profile, profileId, ct))
        {
            return Territories.StaffReach.Refused<int>();
        }
        var contest = await db.Contests.AsNoTracking().SingleAsync(c => c.Id == profile.ContestId, ct);
        var latest = await db.ResultsPublications.AsNoTracking().Where(p => p.ContestId == contest.Id).OrderByDescending(p => p.Version)
            .Select(p => new { p.Id, p.Version, p.PublishedAtUtc }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (latest is null || !await db.ResultsPublicationEntries.AnyAsync(e => e.ResultsPublicationId == latest.Id && e.BusinessProfileId == profileId, ct))
        {
            return ServiceResult<int>.Invalid("Appeal", "Appeals.NotInPublication");
        }
        var closesAt = latest.PublishedAtUtc.AddDays(contest.AppealWindowDays);
        if (now >= closesAt)
        {
            return ServiceResult<int>.Invalid("Appeal", "Appeals.WindowClosed", LimaTime.Format(closesAt));
        }
        if (await db.Appeals.AnyAsync(a => a.ContestId == contest.Id && a.ProducerGroupId == profile.ProducerGroupId, ct))
        {
            return ServiceResult<int>.Invalid("Appeal", "Appeals.AlreadyFiled");
        }
        if (!Appeal.IsValidText(text))
        {
            return ServiceResult<int>.Invalid("Text", "Appeals.TextRequired", Appeal.MaxTextLength);
        }
        var appeal = new Appeal(contest.Id, profileId, profile.ProducerGroupId, latest.Version, text!, user.UserId, now);
        string? storedPath = null;
        try
        {
            if (file is not null)
            {
                var (stored, refusal) = await StoreAsync(file, ct);
                if (refusal is not null)
                {
                    return ServiceResult<int>.Invalid([refusal]);
                }
                storedPath = storage.PathOf(stored!.Value.StorageName);
                appeal.Attach(stored.Value.DisplayName, stored.Value.StorageName, stored.Value.Kind, stored.Value.Size, stored.Value.Sha256);
            }
            db.Appeals.Add(appeal);
            await db.SaveChangesAsync(ct);
            db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "appeal.filed", nameof(Appeal), Key(appeal.Id), contest.Id, profileId,
                after: new { appeal.PublicationVersion, appeal.Text, File = appeal.AttachmentDisplayName, appeal.AttachmentSha256, OnBehalf = user.IsStaff }));
            await db.SaveChangesAsync(ct);
            storedPath = null;
            return ServiceResult<int>.Ok(appeal.Id);
        }
        catch (DbUpdateException)
        {
            // Two tabs filed at once: the unique index kept one.
            return ServiceResult<int>.Invalid("Appeal", "Appeals.AlreadyFiled");
        }
        finally
        {
            if (storedPath is not null)
            {
                File.Delete(storedPath);
            }
        }
    }

    /// <summary>The Admin rejects the appeal for a reason (required); audited and emailed.</summary>
    public Task<ServiceResult<AppealStatus>> RejectAsync(ActingUser admin, int appealId, string? reason, CancellationToken ct = default) =>
        DecideAsync(admin, appealId, reason, uphold: false, ct);

    /// <summary>The Admin upholds the appeal for a reason (required): a correction opens (or the open one takes it); audited and emailed.</summary>
    public Task<ServiceResult<AppealStatus>> UpholdAsync(ActingUser admin, int appealId, string? reason, CancellationToken ct = default) =>
        DecideAsync(admin, appealId, reason, uphold: true, ct);

    private async Task<ServiceResult<AppealStatus>> DecideAsync(ActingUser admin, int appealId, string? reason, bool uphold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return ServiceResult<AppealStatus>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == appealId, ct);
        if (appeal is null)
        {
            return ServiceResult<AppealStatus>.Fail(ServiceOutcome.NotFound);
        }
        if (!await Territories.StaffReach.ReachesAsync(db, admin, Territories.TerritoryResource.Appeal, appealId, ct))
        {
            return Territories.StaffReach.Refused<AppealStatus>();
        }
        if (appeal.Status != AppealStatus.Filed)
        {
            return ServiceResult<AppealStatus>.Invalid("Appeal", "Appeals.AlreadyDecided");
        }
        if (!Appeal.IsValidReason(reason))
        {
            return ServiceResult<AppealStatus>.Invalid("Reason", "Appeals.ReasonRequired", Appeal.MaxReasonLength);
        }
        var contest = await db.Contests.SingleAsync(c => c.Id == appeal.ContestId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (uphold)
        {
            if (contest.IsArchived)
            {
                return ServiceResult<AppealStatus>.Invalid("Appeal", "ContestRules.NoResultsToCorrect");
            }
            appeal.Uphold(reason!, admin.UserId, now);
            if (!contest.CorrectionOpen)
            {
                var correction = $"Reclamo {Key(appeal.Id)}: {reason!.Trim()}";
                contest.OpenCorrection(correction.Length <= Contest.MaxReasonLength ? correction : correction[..Contest.MaxReasonLength], now, appeal.Id);
            }
        }
        else
        {
            appeal.Reject(reason!, admin.UserId, now);
        }
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, uphold ? "appeal.upheld" : "appeal.rejected", nameof(Appeal), Key(appeal.Id), contest.Id,
            appeal.BusinessProfileId, before: new { Status = AppealStatus.Filed.ToString() },
            after: new { Status = appeal.Status.ToString(), appeal.DecisionReason, CorrectionOpen = contest.CorrectionOpen }));
        await QueueDecisionEmailAsync(db, appeal, contest, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<AppealStatus>.Fail(ServiceOutcome.Conflict);
        }
        outboxSignal.MessagesQueued();
        return ServiceResult<AppealStatus>.Ok(appeal.Status);
    }

    private async Task<((string DisplayName, string StorageName, AttachmentKind Kind, long Size, string Sha256)? Stored, RuleViolation? Refusal)> StoreAsync(
        AppealFile file, CancellationToken ct)
    {
        if (AttachmentFile.DisplayName(file.FileName) is not { } displayName)
        {
            return (null, new RuleViolation("Attachment", "Attachments.BadName"));
        }
        var storageName = AttachmentStorage.NewStorageName();
        var path = storage.PathOf(storageName);
        var (size, sha256, head, tooLarge) = await AttachmentService.CopyAsync(file.Content, path, null, ct);
        var refusal = tooLarge ? new RuleViolation("Attachment", "Attachments.TooLarge", AttachmentFile.MaxBytes / (1024 * 1024))
            : size == 0 ? new RuleViolation("Attachment", "Attachments.Empty")
            : AttachmentFile.Sniff(head) is null ? new RuleViolation("Attachment", "Attachments.WrongType")
            : null;
        if (refusal is not null)
        {
            File.Delete(path);
            return (null, refusal);
        }
        return ((displayName, storageName, AttachmentFile.Sniff(head)!.Value, size, sha256), null);
    }

    private static async Task QueueDecisionEmailAsync(ContestsDbContext db, Appeal appeal, Contest contest, DateTime now, CancellationToken ct)
    {
        var recipient = await (from p in db.BusinessProfiles
                               join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                               join u in db.Users on g.RepresentativeUserId equals u.Id
                               where p.Id == appeal.BusinessProfileId
                               select new { u.Email, p.Code }).SingleOrDefaultAsync(ct);
        if (recipient?.Email is not { } email)
        {
            return;
        }
        var verdict = EmailMarkdown.Trusted(appeal.Status == AppealStatus.Upheld
            ? "fue **declarado fundado**: se corregirán los resultados y se publicará una nueva versión, que recibirá por correo"
            : "fue **declarado infundado**: los resultados publicados se mantienen");
        EmailMarkdown body = $"""
            Su reclamo sobre el perfil **{recipient.Code}** en el concurso **{contest.Title}** ({contest.Code}) {verdict}.

            Motivo: {appeal.DecisionReason}
            """;
        await NotificationOutbox.QueueAsync(db, email, $"Respuesta a su reclamo: perfil {recipient.Code}", body, now,
            $"appeal-decision:{appeal.Id.ToString(CultureInfo.InvariantCulture)}", ct);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
