using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// A juror scores on their tablet: opens their scorecard beside the profile, saves drafts (every
/// change, by autosave), submits once; an Admin may look at any scorecard and reopen a submitted
/// one for a reason. A juror reaches only their own scorecards of profiles they may open (see
/// <see cref="JudgingQueries"/>); anything else is "not found", so ids reveal nothing.
/// </summary>
public sealed class ScoringService(
    IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal, IScoringLinks links, IContestEvents events)
{
    public async Task<ServiceResult<ScorecardView>> OpenAsync(ActingUser user, int scorecardId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (scorecard, failure) = await FindAsync(db, user, scorecardId, forEditing: false, ct);
        if (scorecard is null)
        {
            return ServiceResult<ScorecardView>.Fail(failure);
        }
        var design = (await StageDesign.LoadAsync(db, scorecard.ContestStageId, ct))!;
        var profile = (await ProfileViews.ReadAsync(db, scorecard.BusinessProfileId, ct))!;
        var names = await db.Users.Where(u => u.Id == scorecard.JurorUserId || u.Id == scorecard.EnteredByAdminUserId)
            .Select(u => new { u.Id, u.FullName, u.Email }).ToDictionaryAsync(u => u.Id, u => u.FullName.Length > 0 ? u.FullName : u.Email ?? u.Id, ct);
        var editable = scorecard.JurorUserId == user.UserId && scorecard.IsOpen && !design.IsClosed(clock.GetUtcNow().UtcDateTime);
        var members = design.RecordsAttendance ? await MembersAsync(db, scorecard.BusinessProfileId, ct) : null;
        return ServiceResult<ScorecardView>.Ok(new ScorecardView(
            scorecard.Id, design, profile.ContestCode, profile.ContestTitle,
            scorecard.JurorUserId, names.GetValueOrDefault(scorecard.JurorUserId, scorecard.JurorUserId), scorecard.Status,
            design.EntriesOf(scorecard), scorecard.OverallComment, scorecard.Version, scorecard.StartedAtUtc, scorecard.SubmittedAtUtc,
            scorecard.EnteredByAdminUserId is { } admin ? names.GetValueOrDefault(admin, admin) : null, editable, profile,
            members, scorecard.AttendanceRecorded ? scorecard.PresentMemberDnis : null));
    }

    /// <summary>The member households of the profile's group, by DNI: the list field attendance is recorded against.</summary>
    internal static async Task<IReadOnlyList<AttendanceMember>> MembersAsync(ContestsDbContext db, int profileId, CancellationToken ct)
    {
        var groupId = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.ProducerGroupId).SingleAsync(ct);
        var households = (await db.ProducerGroups.AsNoTracking().Include(g => g.Households).SingleAsync(g => g.Id == groupId, ct)).Households;
        return households.OrderBy(h => h.HeadFullName, StringComparer.CurrentCulture).ThenBy(h => h.Dni, StringComparer.Ordinal)
            .Select(h => new AttendanceMember(h.Dni, h.HeadFullName)).ToList();
    }

    /// <summary>
    /// Saves the juror's draft as it stands (what is entered must be valid; criteria may stay empty).
    /// Refused once submitted, after the stage's deadline, or when the scorecard changed since
    /// <paramref name="expectedVersion"/> (another tab): then nothing is saved.
    /// </summary>
    public Task<ServiceResult<ScoringSave>> SaveDraftAsync(ActingUser juror, int scorecardId, Guid expectedVersion,
        IReadOnlyList<CriterionPoints> entries, string? overallComment, CancellationToken ct = default) =>
        SaveAsync(juror, scorecardId, expectedVersion, entries, overallComment, null, submit: false, ct);

    /// <summary>
    /// The same with the field attendance (the DNIs of the member households present; null leaves
    /// it as it is): each must be a member of the group, or nothing is saved.
    /// </summary>
    public Task<ServiceResult<ScoringSave>> SaveDraftAsync(ActingUser juror, int scorecardId, Guid expectedVersion,
        IReadOnlyList<CriterionPoints> entries, string? overallComment, IReadOnlyList<string>? presentDnis, CancellationToken ct = default) =>
        SaveAsync(juror, scorecardId, expectedVersion, entries, overallComment, presentDnis, submit: false, ct);

    /// <summary>Saves and submits in one transaction: every criterion must have valid points. Submitted, it is locked.</summary>
    public Task<ServiceResult<ScoringSave>> SubmitAsync(ActingUser juror, int scorecardId, Guid expectedVersion,
        IReadOnlyList<CriterionPoints> entries, string? overallComment, CancellationToken ct = default) =>
        SaveAsync(juror, scorecardId, expectedVersion, entries, overallComment, null, submit: true, ct);

    /// <inheritdoc cref="SubmitAsync(ActingUser, int, Guid, IReadOnlyList{CriterionPoints}, string?, CancellationToken)"/>
    public Task<ServiceResult<ScoringSave>> SubmitAsync(ActingUser juror, int scorecardId, Guid expectedVersion,
        IReadOnlyList<CriterionPoints> entries, string? overallComment, IReadOnlyList<string>? presentDnis, CancellationToken ct = default) =>
        SaveAsync(juror, scorecardId, expectedVersion, entries, overallComment, presentDnis, submit: true, ct);

    /// <summary>
    /// An Admin unlocks a submitted scorecard for a reason (required, at most 500 characters): it is
    /// a draft again, the audit log keeps the reason, and the juror is emailed with a link to it.
    /// </summary>
    public async Task<ServiceResult<Guid>> ReopenAsync(ActingUser admin, int scorecardId, string? reason, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Forbidden);
        }
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            return ServiceResult<Guid>.Invalid("Reason", "Scoring.ReasonRequired");
        }
        if (reason.Length > Scorecard.MaxReasonLength)
        {
            return ServiceResult<Guid>.Invalid("Reason", "Scoring.ReasonTooLong", Scorecard.MaxReasonLength);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scorecard = await db.Scorecards.Include(s => s.Points).SingleOrDefaultAsync(s => s.Id == scorecardId, ct);
        if (scorecard is null)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.NotFound);
        }
        if (scorecard.Status != ScorecardStatus.Submitted)
        {
            return ServiceResult<Guid>.Invalid("Scorecard", "Scoring.NotSubmitted");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var design = (await StageDesign.LoadAsync(db, scorecard.ContestStageId, ct))!;
        if (await ResultsFreeze.IsFrozenAsync(db, design.ContestId, ct))
        {
            return ServiceResult<Guid>.Invalid("Scorecard", ResultsFreeze.Rule);
        }
        var profile = await db.BusinessProfiles.Where(p => p.Id == scorecard.BusinessProfileId)
            .Select(p => new { p.Code, p.ContestId }).SingleAsync(ct);
        var before = new { Status = scorecard.Status.ToString(), scorecard.SubmittedAtUtc };
        scorecard.Reopen();
        db.Entry(scorecard).State = EntityState.Modified;
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "scorecard.reopened", nameof(Scorecard), Key(scorecard.Id), profile.ContestId,
            scorecard.BusinessProfileId, before: before, after: new { Status = scorecard.Status.ToString(), Reason = reason, scorecard.JurorUserId }));
        var juror = await db.Users.Where(u => u.Id == scorecard.JurorUserId).Select(u => new { u.Email, u.FullName }).SingleAsync(ct);
        if (juror.Email is { } email)
        {
            var contestCode = await db.Contests.Where(c => c.Id == profile.ContestId).Select(c => c.Code).SingleAsync(ct);
            EmailMarkdown body = $"""
                Estimado(a) {(juror.FullName.Length > 0 ? juror.FullName : email)}:

                Un administrador reabrió su ficha de calificación del perfil **{profile.Code}** en la etapa **{design.StageName}** del concurso **{contestCode}**. Puede corregirla y enviarla de nuevo.

                Motivo: {reason}

                [Abrir la ficha de calificación]({links.Scorecard(scorecard.Id):url})
                """;
            await NotificationOutbox.QueueAsync(db, email, $"Ficha de calificación reabierta: perfil {profile.Code}", body, now, cancellationToken: ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Conflict);
        }
        outboxSignal.MessagesQueued();
        events.Publish(new ContestEvent(profile.ContestId, ContestChange.ScorecardReopened, scorecard.ContestStageId, scorecard.BusinessProfileId, scorecard.Id));
        return ServiceResult<Guid>.Ok(scorecard.Version);
    }

    private async Task<ServiceResult<ScoringSave>> SaveAsync(ActingUser juror, int scorecardId, Guid expectedVersion,
        IReadOnlyList<CriterionPoints>? entries, string? overallComment, IReadOnlyList<string>? presentDnis, bool submit, CancellationToken ct)
    {
        entries ??= [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (scorecard, failure) = await FindAsync(db, juror, scorecardId, forEditing: true, ct);
        if (scorecard is null)
        {
            return ServiceResult<ScoringSave>.Fail(failure);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var design = (await StageDesign.LoadAsync(db, scorecard.ContestStageId, ct))!;
        if (Refusal(scorecard, design, now, submit) is { } refused)
        {
            return refused;
        }
        if (await ResultsFreeze.IsFrozenAsync(db, design.ContestId, ct))
        {
            return ServiceResult<ScoringSave>.Invalid("Scorecard", ResultsFreeze.Rule);
        }
        if (scorecard.Version != expectedVersion)
        {
            return ServiceResult<ScoringSave>.Fail(ServiceOutcome.Conflict);
        }
        var violations = submit
            ? ScoreRules.CheckSubmission(design.Rules, design.Granularity, entries, overallComment)
            : ScoreRules.CheckDraft(design.Rules, design.Granularity, entries, overallComment);
        if (presentDnis is not null)
        {
            violations = design.RecordsAttendance
                ? [.. violations, .. FieldAttendanceRules.Check(presentDnis, (await MembersAsync(db, scorecard.BusinessProfileId, ct)).Select(m => m.Dni).ToList())]
                : [.. violations, new("Attendance", "Attendance.NotFieldStage")];
        }
        if (violations.Count > 0)
        {
            return ServiceResult<ScoringSave>.Invalid(violations);
        }
        var starting = !scorecard.IsStarted;
        scorecard.Record(design.ToRecord(entries), overallComment, now);
        if (presentDnis is not null)
        {
            scorecard.RecordAttendance(presentDnis, now);
        }
        // Points live in their own rows: the scorecard itself is marked changed so its version moves on every save.
        db.Entry(scorecard).State = EntityState.Modified;
        if (starting)
        {
            db.AuditLog.Add(AuditEntry.Record(now, juror.UserId, "scorecard.started", nameof(Scorecard), Key(scorecard.Id), design.ContestId, scorecard.BusinessProfileId));
        }
        if (submit)
        {
            scorecard.Submit(now);
            db.AuditLog.Add(AuditEntry.Record(now, juror.UserId, "scorecard.submitted", nameof(Scorecard), Key(scorecard.Id), design.ContestId,
                scorecard.BusinessProfileId, after: new
                {
                    Points = entries.ToDictionary(e => e.CriterionCode, e => e.Points, StringComparer.OrdinalIgnoreCase),
                    Total = ScoreRules.StageTotal(design.Rules, entries),
                    Present = scorecard.AttendanceRecorded ? scorecard.PresentDnis : null,
                }));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another tab saved or submitted at the same moment: say which, so the juror knows.
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            var current = await check.Scorecards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == scorecardId, ct);
            return current is { Status: ScorecardStatus.Submitted } ? Refusal(current, design, now, submit)! : ServiceResult<ScoringSave>.Fail(ServiceOutcome.Conflict);
        }
        PortalMeters.ScorecardsSubmitted(design.ContestId, "tablet", submit ? 1 : 0);
        events.Publish(new ContestEvent(design.ContestId, submit ? ContestChange.ScorecardSubmitted : ContestChange.ScorecardSaved,
            design.StageId, scorecard.BusinessProfileId, scorecard.Id));
        return ServiceResult<ScoringSave>.Ok(new ScoringSave(scorecard.Version, now));
    }

    /// <summary>Why a scorecard takes no more changes (submitted, or the stage's deadline passed), or null.</summary>
    private static ServiceResult<ScoringSave>? Refusal(Scorecard scorecard, StageDesign design, DateTime now, bool submit)
    {
        if (scorecard.Status == ScorecardStatus.Submitted)
        {
            return submit
                ? ServiceResult<ScoringSave>.Invalid("Scorecard", "Scoring.AlreadySubmitted", LimaTime.Format(scorecard.SubmittedAtUtc!.Value))
                : ServiceResult<ScoringSave>.Invalid("Scorecard", "Scoring.Locked");
        }
        return design.IsClosed(now)
            ? ServiceResult<ScoringSave>.Invalid("Scorecard", "Scoring.DeadlinePassed", LimaTime.Format(design.ScoringDeadlineUtc!.Value))
            : null;
    }

    /// <summary>
    /// The scorecard the user may reach: an Admin any (to read), a juror only their own of a profile they
    /// may open. Technicians are refused; anyone else finds nothing.
    /// </summary>
    private async Task<(Scorecard? Scorecard, ServiceOutcome Failure)> FindAsync(
        ContestsDbContext db, ActingUser user, int scorecardId, bool forEditing, CancellationToken ct)
    {
        if (user.IsTechnician && !user.IsAdmin || user.IsAdmin && forEditing)
        {
            return (null, ServiceOutcome.Forbidden);
        }
        var scorecard = await db.Scorecards.Include(s => s.Points).SingleOrDefaultAsync(s => s.Id == scorecardId, ct);
        if (scorecard is null || !user.IsAdmin && scorecard.JurorUserId != user.UserId)
        {
            return (null, ServiceOutcome.NotFound);
        }
        if (!user.IsAdmin)
        {
            var contestId = await db.BusinessProfiles.Where(p => p.Id == scorecard.BusinessProfileId).Select(p => p.ContestId).SingleAsync(ct);
            var visible = await new JudgingQueries(dbFactory).VisibleProfilesAsync(user.UserId, contestId, ct);
            if (visible.All(v => v.ScorecardId != scorecardId))
            {
                return (null, ServiceOutcome.NotFound);
            }
        }
        return (scorecard, ServiceOutcome.Ok);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
