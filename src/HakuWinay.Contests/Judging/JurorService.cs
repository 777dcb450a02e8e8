using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

public sealed record JurorInvitation(string Email, string FullName, string? Institution, string? DistrictCode);

/// <summary>
/// Jurors and their appointments: an Admin invites a juror by email (the account is created with
/// the Juror role and a set-password link is emailed) and appoints jurors to a contest's stages.
/// Every change is audited.
/// </summary>
public sealed class JurorService(
    IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal, IPasswordSetupLinks passwordLinks,
    IContestEvents? events = null)
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;

    /// <summary>Creates the juror's account and emails the link to choose a password; returns the new user's id.</summary>
    public async Task<ServiceResult<string>> InviteAsync(ActingUser admin, int contestId, JurorInvitation invitation, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<string>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.Id, c.Title }).SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return ServiceResult<string>.Fail(ServiceOutcome.NotFound);
        }
        var violations = await CheckAsync(db, invitation, ct);
        if (violations.Count > 0)
        {
            return ServiceResult<string>.Invalid(violations);
        }
        var email = invitation.Email.Trim();
        var normalized = email.Normalize().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
        {
            return ServiceResult<string>.Invalid("Email", "Judging.EmailTaken");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var jurorRole = Roles.Juror.ToUpperInvariant();
        var roleId = await db.Roles.Where(r => r.NormalizedName == jurorRole).Select(r => r.Id).SingleAsync(ct);
        var juror = new AppUser
        {
            UserName = email, NormalizedUserName = normalized, Email = email, NormalizedEmail = normalized,
            FullName = invitation.FullName.Trim(), Institution = Blank(invitation.Institution), DistrictCode = Blank(invitation.DistrictCode),
            CreatedAtUtc = now, LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(juror);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = juror.Id, RoleId = roleId });
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "juror.invited", nameof(AppUser), juror.Id, contest.Id,
            after: new { juror.Email, juror.FullName, juror.Institution, juror.DistrictCode }));
        var link = await passwordLinks.CreateAsync(juror, ct);
        EmailMarkdown body = $"""
            Estimado(a) {juror.FullName}:

            Usted ha sido invitado(a) como jurado (CLAR) del concurso **{contest.Title}** en el portal de concursos Haku Wiñay.

            Para entrar, elija su contraseña en este enlace (vale 7 días):

            <{link:url}>

            Antes de ver los perfiles, el portal le pedirá declarar sus conflictos de interés con los grupos participantes.
            """;
        await NotificationOutbox.QueueAsync(db, email, "Invitación como jurado del CLAR", body, now, $"juror-invitation:{juror.Id}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same email between the check and the save.
            return ServiceResult<string>.Invalid("Email", "Judging.EmailTaken");
        }
        outboxSignal.MessagesQueued();
        events?.Publish(ContestEvent.Jurors(contestId, juror.Id));
        return ServiceResult<string>.Ok(juror.Id);
    }

    /// <summary>Appoints a juror to a stage; appointing twice changes nothing.</summary>
    public async Task<ServiceResult<bool>> AppointAsync(ActingUser admin, int stageId, string jurorUserId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<ContestStage>().SingleOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        if (!await IsJurorAsync(db, jurorUserId, ct))
        {
            return ServiceResult<bool>.Invalid("Juror", "Judging.NotJuror");
        }
        if (await db.JurorAppointments.AnyAsync(a => a.ContestStageId == stageId && a.JurorUserId == jurorUserId, ct))
        {
            return ServiceResult<bool>.Ok(false);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.JurorAppointments.Add(new JurorAppointment(stage.ContestId, stage.Id, jurorUserId, admin.UserId, now));
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "juror.appointed", nameof(JurorAppointment), Key(stageId, jurorUserId), stage.ContestId,
            after: new { Stage = stage.Code, JurorUserId = jurorUserId }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ServiceResult<bool>.Ok(false);
        }
        events?.Publish(ContestEvent.Jurors(stage.ContestId, jurorUserId, stage.Id));
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>
    /// Ends an appointment. The juror's scorecards of the stage that were not started are removed
    /// (their profiles get a gap to fill); a juror who has started one stays appointed.
    /// </summary>
    public async Task<ServiceResult<int>> UnappointAsync(ActingUser admin, int stageId, string jurorUserId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appointment = await db.JurorAppointments.SingleOrDefaultAsync(a => a.ContestStageId == stageId && a.JurorUserId == jurorUserId, ct);
        if (appointment is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var scorecards = await db.Scorecards.Where(s => s.ContestStageId == stageId && s.JurorUserId == jurorUserId).ToListAsync(ct);
        if (scorecards.Any(s => s.IsStarted))
        {
            return ServiceResult<int>.Invalid("Juror", "Judging.HasStartedScorecards");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Scorecards.RemoveRange(scorecards);
        db.JurorAppointments.Remove(appointment);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "juror.unappointed", nameof(JurorAppointment), Key(stageId, jurorUserId), appointment.ContestId,
            before: new { JurorUserId = jurorUserId, Scorecards = scorecards.Select(s => s.BusinessProfileId).ToList() }));
        await db.SaveChangesAsync(ct);
        events?.Publish(ContestEvent.Jurors(appointment.ContestId, jurorUserId, stageId));
        if (scorecards.Count > 0)
        {
            events?.Publish(new ContestEvent(appointment.ContestId, ContestChange.AssignmentChanged, stageId));
        }
        return ServiceResult<int>.Ok(scorecards.Count);
    }

    private static async Task<List<Profiles.RuleViolation>> CheckAsync(ContestsDbContext db, JurorInvitation invitation, CancellationToken ct)
    {
        var violations = new List<Profiles.RuleViolation>();
        var email = invitation.Email?.Trim() ?? "";
        if (!EmailAddress.IsValid(email) || email.Length > MaxEmailLength)
        {
            violations.Add(new("Email", "Validation.Email"));
        }
        if (string.IsNullOrWhiteSpace(invitation.FullName))
        {
            violations.Add(new("FullName", "Validation.Required"));
        }
        else if (invitation.FullName.Trim().Length > MaxNameLength)
        {
            violations.Add(new("FullName", "Validation.TooLong"));
        }
        if ((invitation.Institution?.Trim().Length ?? 0) > MaxNameLength)
        {
            violations.Add(new("Institution", "Validation.TooLong"));
        }
        var district = Blank(invitation.DistrictCode);
        if (district is not null && (!Catalog.UbigeoCode.IsDistrict(district) || !await db.Districts.AnyAsync(d => d.Code == district, ct)))
        {
            violations.Add(new("DistrictCode", "Judging.DistrictUnknown"));
        }
        return violations;
    }

    internal static async Task<bool> IsJurorAsync(ContestsDbContext db, string userId, CancellationToken ct)
    {
        var jurorRole = Roles.Juror.ToUpperInvariant();
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == userId && r.NormalizedName == jurorRole
                      select ur).AnyAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Key(int stageId, string jurorUserId) => $"{stageId.ToString(CultureInfo.InvariantCulture)}:{jurorUserId}";
}
