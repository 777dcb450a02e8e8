using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// Conflicts of interest: a juror declares (or withdraws) conflicts with the contest's groups and
/// confirms the declaration; an Admin may record a conflict for a juror. A new conflict takes the
/// juror off the group's profiles: a scorecard not started is removed, a started one is excluded
/// and kept for the record; either way the profile has a gap for assignment to fill.
/// </summary>
/// <remarks>The events are optional so that callers without live screens (tests, seeding) need not supply them.</remarks>
public sealed class ConflictService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IContestEvents? events = null)
{
    /// <summary>The juror's own declaration page: the contest's groups (names and communities only) and their conflicts.</summary>
    public async Task<ServiceResult<DeclarationView>> DeclarationAsync(string jurorUserId, int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.Id, c.Code, c.Title }).SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return ServiceResult<DeclarationView>.Fail(ServiceOutcome.NotFound);
        }
        if (!await db.JurorAppointments.AnyAsync(a => a.ContestId == contestId && a.JurorUserId == jurorUserId, ct))
        {
            return ServiceResult<DeclarationView>.Fail(ServiceOutcome.Forbidden);
        }
        var groups = await JudgingQueries.ParticipatingGroupsAsync(db, contestId, ct);
        var conflicts = await db.ConflictsOfInterest.Where(c => c.ContestId == contestId && c.JurorUserId == jurorUserId)
            .Select(c => new DeclaredConflict(c.Id, c.ProducerGroupId, c.Kind, c.Note, c.RecordedByAdmin, c.DeclaredAtUtc)).ToListAsync(ct);
        var confirmed = await db.ConflictDeclarations.Where(d => d.ContestId == contestId && d.JurorUserId == jurorUserId)
            .Select(d => (DateTime?)d.ConfirmedAtUtc).SingleOrDefaultAsync(ct);
        return ServiceResult<DeclarationView>.Ok(new DeclarationView(contest.Id, contest.Code, contest.Title, groups, conflicts, confirmed));
    }

    /// <summary>The juror declares a conflict with a group of a contest they are appointed to.</summary>
    public Task<ServiceResult<int>> DeclareAsync(string jurorUserId, int contestId, int groupId, ConflictKind kind, string? note, CancellationToken ct = default) =>
        AddAsync(jurorUserId, jurorUserId, recordedByAdmin: false, contestId, groupId, kind, note, ct);

    /// <summary>An Admin records a conflict for a juror appointed to the contest.</summary>
    public Task<ServiceResult<int>> RecordAsync(ActingUser admin, int contestId, string jurorUserId, int groupId, ConflictKind kind, string? note, CancellationToken ct = default) =>
        admin.IsAdmin
            ? AddAsync(admin.UserId, jurorUserId, recordedByAdmin: true, contestId, groupId, kind, note, ct)
            : Task.FromResult(ServiceResult<int>.Fail(ServiceOutcome.Forbidden));

    /// <summary>The juror withdraws a conflict they declared themselves (one an Admin recorded stays). Excluded scorecards stay excluded.</summary>
    public async Task<ServiceResult<bool>> WithdrawAsync(string jurorUserId, int conflictId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conflict = await db.ConflictsOfInterest.SingleOrDefaultAsync(c => c.Id == conflictId, ct);
        if (conflict is null || conflict.JurorUserId != jurorUserId)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        if (conflict.RecordedByAdmin)
        {
            return ServiceResult<bool>.Invalid("Conflict", "Judging.RecordedByAdmin");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.ConflictsOfInterest.Remove(conflict);
        db.AuditLog.Add(AuditEntry.Record(now, jurorUserId, "conflict.withdrawn", nameof(ConflictOfInterest), Key(conflict.Id), conflict.ContestId,
            before: Snapshot(conflict)));
        await db.SaveChangesAsync(ct);
        events?.Publish(ContestEvent.Jurors(conflict.ContestId, jurorUserId));
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>The juror confirms their list (possibly empty): from now on they may see their assigned profiles.</summary>
    public async Task<ServiceResult<DateTime>> ConfirmAsync(string jurorUserId, int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Contests.AnyAsync(c => c.Id == contestId, ct))
        {
            return ServiceResult<DateTime>.Fail(ServiceOutcome.NotFound);
        }
        if (!await db.JurorAppointments.AnyAsync(a => a.ContestId == contestId && a.JurorUserId == jurorUserId, ct))
        {
            return ServiceResult<DateTime>.Fail(ServiceOutcome.Forbidden);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var declaration = await db.ConflictDeclarations.SingleOrDefaultAsync(d => d.ContestId == contestId && d.JurorUserId == jurorUserId, ct);
        if (declaration is null)
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration(contestId, jurorUserId, now));
        }
        else
        {
            declaration.Reconfirm(now);
        }
        var groups = await db.ConflictsOfInterest.Where(c => c.ContestId == contestId && c.JurorUserId == jurorUserId).Select(c => c.ProducerGroupId).ToListAsync(ct);
        db.AuditLog.Add(AuditEntry.Record(now, jurorUserId, "conflict.declaration-confirmed", nameof(ConflictDeclaration),
            $"{contestId.ToString(CultureInfo.InvariantCulture)}:{jurorUserId}", contestId, after: new { ConflictedGroups = groups }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second tab confirmed at the same moment: the declaration is confirmed either way.
        }
        events?.Publish(ContestEvent.Jurors(contestId, jurorUserId));
        return ServiceResult<DateTime>.Ok(now);
    }

    private async Task<ServiceResult<int>> AddAsync(string actorUserId, string jurorUserId, bool recordedByAdmin, int contestId, int groupId,
        ConflictKind kind, string? note, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Contests.AnyAsync(c => c.Id == contestId, ct))
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (!await db.JurorAppointments.AnyAsync(a => a.ContestId == contestId && a.JurorUserId == jurorUserId, ct))
        {
            return recordedByAdmin ? ServiceResult<int>.Invalid("Juror", "Judging.NotAppointed") : ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        if (ConflictOfInterest.CheckNote(kind, note) is { } problem)
        {
            return ServiceResult<int>.Invalid("Note", problem);
        }
        var participating = await JudgingQueries.ParticipatingGroupsAsync(db, contestId, ct);
        if (participating.All(g => g.GroupId != groupId))
        {
            return ServiceResult<int>.Invalid("Group", "Judging.GroupNotInContest");
        }
        if (await db.ConflictsOfInterest.AnyAsync(c => c.ContestId == contestId && c.JurorUserId == jurorUserId && c.ProducerGroupId == groupId, ct))
        {
            return ServiceResult<int>.Invalid("Group", "Judging.AlreadyDeclared");
        }
        // Excluding a submitted scorecard would change published results: only under an open correction.
        if (await ResultsFreeze.IsFrozenAsync(db, contestId, ct)
            && await (from s in db.Scorecards
                      join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                      where s.JurorUserId == jurorUserId && p.ContestId == contestId && p.ProducerGroupId == groupId && s.Status == ScorecardStatus.Submitted
                      select s.Id).AnyAsync(ct))
        {
            return ServiceResult<int>.Invalid("Group", ResultsFreeze.Rule);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var conflict = new ConflictOfInterest(contestId, jurorUserId, groupId, kind, note, actorUserId, recordedByAdmin, now);
        db.ConflictsOfInterest.Add(conflict);
        // Touch every stage's assignment state before reading the scorecards: an automatic run saved in
        // between (which could not yet see this conflict) makes this save fail instead of leaving a conflicted seat.
        foreach (var stageId in await db.Set<ContestStage>().Where(s => s.ContestId == contestId).Select(s => s.Id).ToListAsync(ct))
        {
            (await AssignmentService.StateAsync(db, stageId, ct)).RecordChange();
        }
        var affected = await TakeJurorOffAsync(db, actorUserId, contestId, jurorUserId, groupId, now, ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.AuditLog.Add(AuditEntry.Record(now, actorUserId, recordedByAdmin ? "conflict.recorded" : "conflict.declared",
                nameof(ConflictOfInterest), Key(conflict.Id), contestId, after: new { Conflict = Snapshot(conflict), Scorecards = affected }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Conflict);
        }
        catch (DbUpdateException)
        {
            // The same conflict saved by another tab, or the stage's assignment state created at the same moment.
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            return await check.ConflictsOfInterest.AnyAsync(c => c.ContestId == contestId && c.JurorUserId == jurorUserId && c.ProducerGroupId == groupId, ct)
                ? ServiceResult<int>.Invalid("Group", "Judging.AlreadyDeclared")
                : ServiceResult<int>.Fail(ServiceOutcome.Conflict);
        }
        foreach (var excluded in affected.Where(a => a.Outcome == "excluded"))
        {
            events?.Publish(new ContestEvent(contestId, ContestChange.ScorecardExcluded, excluded.ContestStageId, excluded.BusinessProfileId, excluded.Id));
        }
        events?.Publish(ContestEvent.Jurors(contestId, jurorUserId));
        return ServiceResult<int>.Ok(conflict.Id);
    }

    private sealed record AffectedScorecard(int Id, int BusinessProfileId, int ContestStageId, string Outcome);

    /// <summary>Removes the juror's not-started scorecards of the group's profiles and excludes the started ones.</summary>
    private static async Task<List<AffectedScorecard>> TakeJurorOffAsync(ContestsDbContext db, string actorUserId, int contestId, string jurorUserId, int groupId,
        DateTime now, CancellationToken ct)
    {
        var scorecards = await (from s in db.Scorecards
                                join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                                where s.JurorUserId == jurorUserId && p.ContestId == contestId && p.ProducerGroupId == groupId
                                select s).ToListAsync(ct);
        var affected = new List<AffectedScorecard>();
        foreach (var scorecard in scorecards.Where(s => s.IsActive))
        {
            if (scorecard.IsStarted)
            {
                scorecard.Exclude("Conflicto de interés declarado después de empezar la calificación", now);
                affected.Add(new AffectedScorecard(scorecard.Id, scorecard.BusinessProfileId, scorecard.ContestStageId, "excluded"));
            }
            else
            {
                db.Scorecards.Remove(scorecard);
                affected.Add(new AffectedScorecard(scorecard.Id, scorecard.BusinessProfileId, scorecard.ContestStageId, "removed"));
            }
            db.AuditLog.Add(AuditEntry.Record(now, actorUserId, scorecard.IsStarted ? "scorecard.excluded" : "assignment.removed", nameof(Scorecard),
                Key(scorecard.Id), contestId, scorecard.BusinessProfileId, after: new { JurorUserId = jurorUserId, Reason = "conflict" }));
        }
        return affected;
    }

    private static object Snapshot(ConflictOfInterest c) =>
        new { c.JurorUserId, c.ProducerGroupId, Kind = c.Kind.ToString(), c.Note, c.DeclaredByUserId, c.RecordedByAdmin };

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record GroupForDeclaration(int GroupId, string Name, string CentroPoblado, string DistrictCode, string? DistrictName);

public sealed record DeclaredConflict(int Id, int GroupId, ConflictKind Kind, string? Note, bool RecordedByAdmin, DateTime DeclaredAtUtc);

public sealed record DeclarationView(
    int ContestId, string ContestCode, string ContestTitle, IReadOnlyList<GroupForDeclaration> Groups,
    IReadOnlyList<DeclaredConflict> Conflicts, DateTime? ConfirmedAtUtc)
{
    public bool IsConfirmed => ConfirmedAtUtc is not null;
}
