using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// Paper score sheets: the blank sheets to print for a stage, and an Admin typing in one filled
/// sheet, saved as submitted on the juror's behalf. The stage's deadline does not apply here: a
/// sheet signed during the session is often typed in afterwards, and the Admin answers for it in
/// the audit log (who entered it, when).
/// </summary>
public sealed class PaperSheetService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IContestEvents events)
{
    /// <summary>The stage's blank sheets: one per active scorecard, optionally of one profile or one juror; null when the contest or stage does not exist.</summary>
    public async Task<BlankSheets?> BlankSheetsAsync(int contestId, int? stageId, int? profileId, string? jurorUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.AsNoTracking().Where(c => c.Id == contestId).Select(c => new { c.Id, c.Code, c.Title }).SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return null;
        }
        var stages = await db.Set<ContestStage>().AsNoTracking().Where(s => s.ContestId == contestId).OrderBy(s => s.Order)
            .Select(s => new StageChoice(s.Id, s.Code, s.Name, s.JurorsPerProfile)).ToListAsync(ct);
        var stage = stageId is null ? stages.FirstOrDefault() : stages.SingleOrDefault(s => s.Id == stageId);
        if (stage is null)
        {
            return stageId is null ? new BlankSheets(contest.Id, contest.Code, contest.Title, stages, null, ScoreGranularity.WholePoints, [], [], [], []) : null;
        }
        var design = (await StageDesign.LoadAsync(db, stage.Id, ct))!;
        var sheets = await (from s in db.Scorecards
                            join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                            join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                            join u in db.Users on s.JurorUserId equals u.Id
                            where s.ContestStageId == stage.Id && s.Status != ScorecardStatus.Excluded
                            select new BlankSheet(s.Id, p.Id, p.Code, p.Title, g.Name, u.Id, u.FullName, u.Email, s.Status)).ToListAsync(ct);
        var criteria = design.Criteria.Select(c => new SheetCriterion(c.Code, c.Name, c.MaxPoints)).ToList();
        if (design.RecordsAttendance)
        {
            // The field sheet lists the group's member households by DNI, with a box to tick for each one present.
            var profileIds = sheets.Select(s => s.ProfileId).Distinct().ToList();
            var groupOf = await db.BusinessProfiles.Where(p => profileIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ProducerGroupId, ct);
            var groupIds = groupOf.Values.Distinct().ToList();
            var groups = await db.ProducerGroups.AsNoTracking().Include(g => g.Households).Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
            var members = groupOf.SelectMany(p => groups[p.Value].Households.Select(h => (ProfileId: p.Key, h.Dni, h.HeadFullName)))
                .ToLookup(m => m.ProfileId, m => new AttendanceMember(m.Dni, m.HeadFullName));
            sheets = [.. sheets.Select(s => s with { Members = [.. members[s.ProfileId].OrderBy(m => m.HeadFullName, StringComparer.CurrentCulture)] })];
        }
        // The filter's choices are the whole stage's, whatever is filtered.
        var profiles = sheets.DistinctBy(s => s.ProfileId).OrderBy(s => s.ProfileCode, StringComparer.Ordinal).Select(s => new SheetChoice(s.ProfileId.ToString(CultureInfo.InvariantCulture), s.ProfileCode ?? "")).ToList();
        var jurors = sheets.DistinctBy(s => s.JurorUserId).OrderBy(s => s.JurorName, StringComparer.CurrentCulture).Select(s => new SheetChoice(s.JurorUserId, s.JurorName)).ToList();
        var chosen = sheets.Where(s => (profileId == null || s.ProfileId == profileId) && (jurorUserId == null || s.JurorUserId == jurorUserId))
            .OrderBy(s => s.ProfileCode, StringComparer.Ordinal).ThenBy(s => s.JurorName, StringComparer.CurrentCulture).ToList();
        return new BlankSheets(contest.Id, contest.Code, contest.Title, stages, stage, design.Granularity, criteria, chosen, profiles, jurors);
    }

    /// <summary>One scorecard as the paper entry form shows it, with why it may not be entered (if so).</summary>
    public async Task<PaperEntryView?> EntryAsync(int scorecardId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scorecard = await db.Scorecards.AsNoTracking().Include(s => s.Points).SingleOrDefaultAsync(s => s.Id == scorecardId, ct);
        if (scorecard is null)
        {
            return null;
        }
        var design = (await StageDesign.LoadAsync(db, scorecard.ContestStageId, ct))!;
        var facts = await (from p in db.BusinessProfiles
                           join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                           join c in db.Contests on p.ContestId equals c.Id
                           where p.Id == scorecard.BusinessProfileId
                           select new { p.Code, p.Title, Group = g.Name, ContestCode = c.Code, ContestTitle = c.Title }).SingleAsync(ct);
        var juror = await db.Users.Where(u => u.Id == scorecard.JurorUserId).Select(u => u.FullName).SingleAsync(ct);
        var refusal = await RefusalAsync(db, scorecard, design.ContestId, ct);
        var members = design.RecordsAttendance ? await ScoringService.MembersAsync(db, scorecard.BusinessProfileId, ct) : null;
        return new PaperEntryView(scorecard.Id, design.ContestId, facts.ContestCode, facts.ContestTitle, design.StageId, design.StageName,
            scorecard.BusinessProfileId, facts.Code, facts.Title, facts.Group, juror, scorecard.Status, scorecard.Version,
            design.Criteria.Select(c => new SheetCriterion(c.Code, c.Name, c.MaxPoints)).ToList(), design.Granularity,
            design.EntriesOf(scorecard), scorecard.OverallComment, refusal, members, scorecard.AttendanceRecorded ? scorecard.PresentMemberDnis : null);
    }

    /// <summary>
    /// The Admin enters a filled sheet: checked as a submission, recorded as entered by the Admin,
    /// submitted and audited. Refused for a submitted or excluded scorecard and for a juror with a
    /// conflict with the profile's group (or no longer appointed to the stage).
    /// </summary>
    public Task<ServiceResult<int>> EnterAsync(ActingUser admin, int scorecardId, Guid version, IReadOnlyList<CriterionPoints> entries, string? overallComment,
        CancellationToken ct = default) =>
        EnterAsync(admin, scorecardId, version, entries, overallComment, null, ct);

    /// <summary>The same with the sheet's field attendance: the DNIs ticked present (null: none written on the sheet), each of a member household.</summary>
    public async Task<ServiceResult<int>> EnterAsync(ActingUser admin, int scorecardId, Guid version, IReadOnlyList<CriterionPoints> entries, string? overallComment,
        IReadOnlyList<string>? presentDnis, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scorecard = await db.Scorecards.Include(s => s.Points).SingleOrDefaultAsync(s => s.Id == scorecardId, ct);
        if (scorecard is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (scorecard.Version != version)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Conflict);
        }
        var design = (await StageDesign.LoadAsync(db, scorecard.ContestStageId, ct))!;
        if (await RefusalAsync(db, scorecard, design.ContestId, ct) is { } refusal)
        {
            return ServiceResult<int>.Invalid("Scorecard", refusal);
        }
        if (await ResultsFreeze.IsFrozenAsync(db, design.ContestId, ct))
        {
            return ServiceResult<int>.Invalid("Scorecard", ResultsFreeze.Rule);
        }
        var violations = ScoreRules.CheckSubmission(design.Rules, design.Granularity, entries, overallComment);
        if (presentDnis is not null)
        {
            violations = design.RecordsAttendance
                ? [.. violations, .. FieldAttendanceRules.Check(presentDnis, (await ScoringService.MembersAsync(db, scorecard.BusinessProfileId, ct)).Select(m => m.Dni).ToList())]
                : [.. violations, new("Attendance", "Attendance.NotFieldStage")];
        }
        if (violations.Count > 0)
        {
            return ServiceResult<int>.Invalid(violations);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var before = new { Status = scorecard.Status.ToString(), Points = design.EntriesOf(scorecard), scorecard.OverallComment };
        scorecard.Record(design.ToRecord(entries), overallComment, now, admin.UserId);
        if (presentDnis is not null)
        {
            scorecard.RecordAttendance(presentDnis, now, admin.UserId);
        }
        scorecard.Submit(now);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "scorecard.paper-entered", nameof(Scorecard), scorecard.Id.ToString(CultureInfo.InvariantCulture),
            design.ContestId, scorecard.BusinessProfileId, before,
            new { Status = scorecard.Status.ToString(), Points = design.EntriesOf(scorecard), scorecard.OverallComment, scorecard.JurorUserId, Stage = design.StageCode, Present = scorecard.PresentDnis }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Conflict);
        }
        PortalMeters.ScorecardsSubmitted(design.ContestId, "paper");
        events.Publish(new ContestEvent(design.ContestId, ContestChange.ScorecardSubmitted, design.StageId, scorecard.BusinessProfileId, scorecard.Id));
        return ServiceResult<int>.Ok(scorecard.Id);
    }

    /// <summary>Why a paper sheet may not be entered for this scorecard, as a message key; null when it may.</summary>
    private static async Task<string?> RefusalAsync(ContestsDbContext db, Scorecard scorecard, int contestId, CancellationToken ct)
    {
        switch (scorecard.Status)
        {
            case ScorecardStatus.Submitted:
                return "Paper.AlreadySubmitted";
            case ScorecardStatus.Excluded:
                return "Paper.Excluded";
        }
        var groupId = await db.BusinessProfiles.Where(p => p.Id == scorecard.BusinessProfileId).Select(p => p.ProducerGroupId).SingleAsync(ct);
        if (await db.ConflictsOfInterest.AnyAsync(c => c.ContestId == contestId && c.JurorUserId == scorecard.JurorUserId && c.ProducerGroupId == groupId, ct))
        {
            return "Paper.JurorConflicted";
        }
        if (!await db.JurorAppointments.AnyAsync(a => a.ContestStageId == scorecard.ContestStageId && a.JurorUserId == scorecard.JurorUserId, ct))
        {
            return "Paper.JurorNotAppointed";
        }
        return await db.BusinessProfiles.AnyAsync(p => p.Id == scorecard.BusinessProfileId && p.Status == ProfileStatus.Eligible, ct)
            ? null
            : "Paper.ProfileNotEligible";
    }
}

public sealed record SheetCriterion(string Code, string Name, decimal MaxPoints);

/// <summary>One sheet to print; <see cref="Members"/> only on the field stage's sheets (the attendance list to tick).</summary>
public sealed record BlankSheet(int ScorecardId, int ProfileId, string? ProfileCode, string ProfileTitle, string GroupName,
    string JurorUserId, string JurorName, string? JurorEmail, ScorecardStatus Status, IReadOnlyList<AttendanceMember>? Members = null);

public sealed record SheetChoice(string Value, string Text);

public sealed record BlankSheets(int ContestId, string ContestCode, string ContestTitle, IReadOnlyList<StageChoice> Stages, StageChoice? Stage,
    ScoreGranularity Granularity, IReadOnlyList<SheetCriterion> Criteria, IReadOnlyList<BlankSheet> Sheets,
    IReadOnlyList<SheetChoice> Profiles, IReadOnlyList<SheetChoice> Jurors);

public sealed record PaperEntryView(
    int ScorecardId, int ContestId, string ContestCode, string ContestTitle, int StageId, string StageName,
    int ProfileId, string? ProfileCode, string ProfileTitle, string GroupName, string JurorName, ScorecardStatus Status, Guid Version,
    IReadOnlyList<SheetCriterion> Criteria, ScoreGranularity Granularity, IReadOnlyList<CriterionPoints> Entries, string? OverallComment,
    string? Refusal, IReadOnlyList<AttendanceMember>? Members = null, IReadOnlyList<string>? PresentDnis = null);
