using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>What an automatic run did, for the page and the audit log.</summary>
public sealed record AssignmentRunResult(int Seed, int Added, int Removed, IReadOnlyList<UnfilledProfile> Unfilled, BalanceProblem Balance);

/// <summary>
/// Assignment of jurors to the eligible profiles of a stage: automatic (<see cref="BalancedAssignment"/>,
/// seed recorded in the audit log) or by hand, one cell at a time, with the same checks. Every
/// change touches the stage's <see cref="StageAssignmentState"/>, so two changes of one stage at
/// the same moment cannot both be saved; the unique (stage, profile, juror) index backs it up.
/// </summary>
public sealed class AssignmentService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IContestEvents? events = null)
{
    public const int MaxSeed = 999_999_999;

    public async Task<ServiceResult<AssignmentRunResult>> RunAsync(ActingUser admin, int stageId, int seed, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<AssignmentRunResult>.Fail(ServiceOutcome.Forbidden);
        }
        if (seed is < 0 or > MaxSeed)
        {
            return ServiceResult<AssignmentRunResult>.Invalid("Seed", "Judging.SeedRange", MaxSeed);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<ContestStage>().SingleOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null)
        {
            return ServiceResult<AssignmentRunResult>.Fail(ServiceOutcome.NotFound);
        }
        var state = await StateAsync(db, stageId, ct);
        var (input, scorecards) = await InputAsync(db, stage, seed, ct);
        var plan = BalancedAssignment.Plan(input);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seat in plan.Removed)
        {
            db.Scorecards.Remove(scorecards.Single(s => s.BusinessProfileId == seat.ProfileId && s.JurorUserId == seat.JurorId));
        }
        foreach (var seat in plan.Added)
        {
            db.Scorecards.Add(new Scorecard(stageId, seat.ProfileId, seat.JurorId, admin.UserId, now));
        }
        state.RecordRun(seed, now);
        var result = new AssignmentRunResult(seed, plan.Added.Count, plan.Removed.Count, plan.Unfilled, plan.Balance);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "assignment.run", nameof(ContestStage), Key(stageId), stage.ContestId,
            after: new
            {
                Stage = stage.Code, Seed = seed, stage.JurorsPerProfile,
                Added = plan.Added.Select(s => new { s.ProfileId, s.JurorId }), Removed = plan.Removed.Select(s => new { s.ProfileId, s.JurorId }),
                Unfilled = plan.Unfilled.Select(u => new { u.ProfileId, u.Missing, Reason = u.Reason.ToString() }), Balance = plan.Balance.ToString(),
            }));
        return await SaveAsync(db, stage.ContestId, stageId, result, ct);
    }

    /// <summary>Assigns one juror to one profile by hand, refused with a reason when the rules forbid it.</summary>
    public async Task<ServiceResult<int>> AddAsync(ActingUser admin, int stageId, int profileId, string jurorUserId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<ContestStage>().SingleOrDefaultAsync(s => s.Id == stageId, ct);
        var profile = await db.BusinessProfiles.Where(p => p.Id == profileId)
            .Select(p => new { p.Id, p.ContestId, p.ProducerGroupId, p.Status }).SingleOrDefaultAsync(ct);
        if (stage is null || profile is null || profile.ContestId != stage.ContestId)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        string? refusal = null;
        if (profile.Status != ProfileStatus.Eligible)
        {
            refusal = "Judging.ProfileNotEligible";
        }
        else if (!await db.JurorAppointments.AnyAsync(a => a.ContestStageId == stageId && a.JurorUserId == jurorUserId, ct))
        {
            refusal = "Judging.NotAppointed";
        }
        else if (await db.ConflictsOfInterest.AnyAsync(c => c.ContestId == stage.ContestId && c.JurorUserId == jurorUserId && c.ProducerGroupId == profile.ProducerGroupId, ct))
        {
            refusal = "Judging.Conflicted";
        }
        else if (await db.Scorecards.AnyAsync(s => s.ContestStageId == stageId && s.BusinessProfileId == profileId && s.JurorUserId == jurorUserId, ct))
        {
            refusal = "Judging.AlreadyAssigned";
        }
        else if (await db.Scorecards.CountAsync(s => s.ContestStageId == stageId && s.BusinessProfileId == profileId && s.Status != ScorecardStatus.Excluded, ct) >= stage.JurorsPerProfile)
        {
            refusal = "Judging.ProfileFull";
        }
        if (refusal is not null)
        {
            return ServiceResult<int>.Invalid("Cell", refusal, stage.JurorsPerProfile);
        }
        var state = await StateAsync(db, stageId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var scorecard = new Scorecard(stageId, profileId, jurorUserId, admin.UserId, now);
        db.Scorecards.Add(scorecard);
        state.RecordChange();
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "assignment.added", nameof(Scorecard), $"{Key(stageId)}:{Key(profileId)}:{jurorUserId}",
            stage.ContestId, profileId, after: new { Stage = stage.Code, JurorUserId = jurorUserId, Manual = true }));
        var saved = await SaveAsync(db, stage.ContestId, stageId, 0, ct);
        return saved.Succeeded ? ServiceResult<int>.Ok(scorecard.Id) : saved;
    }

    /// <summary>Takes a juror off a profile by hand; a started scorecard is never removed.</summary>
    public async Task<ServiceResult<int>> RemoveAsync(ActingUser admin, int stageId, int profileId, string jurorUserId, CancellationToken ct = default)
    {
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scorecard = await db.Scorecards.SingleOrDefaultAsync(s => s.ContestStageId == stageId && s.BusinessProfileId == profileId && s.JurorUserId == jurorUserId, ct);
        if (scorecard is null)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        if (scorecard.IsStarted)
        {
            return ServiceResult<int>.Invalid("Cell", "Judging.Started");
        }
        var contestId = await db.Set<ContestStage>().Where(s => s.Id == stageId).Select(s => s.ContestId).SingleAsync(ct);
        var state = await StateAsync(db, stageId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Scorecards.Remove(scorecard);
        state.RecordChange();
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "assignment.removed", nameof(Scorecard), Key(scorecard.Id), contestId, profileId,
            before: new { StageId = stageId, JurorUserId = jurorUserId, Manual = true }));
        return await SaveAsync(db, contestId, stageId, scorecard.Id, ct);
    }

    /// <summary>The stage's assignment as the Admin's matrix shows it: profiles × appointed jurors.</summary>
    public async Task<AssignmentMatrix?> MatrixAsync(int contestId, int? stageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.Include(c => c.Stages).AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null || contest.Stages.Count == 0)
        {
            return contest is null ? null : new AssignmentMatrix(contest.Id, contest.Code, contest.Title, [], null, [], [], [], [], null);
        }
        var stages = contest.Stages.OrderBy(s => s.Order).Select(s => new StageChoice(s.Id, s.Code, s.Name, s.JurorsPerProfile)).ToList();
        var stage = stages.SingleOrDefault(s => s.Id == stageId) ?? (stageId is null ? stages[0] : null);
        if (stage is null)
        {
            return null;
        }
        var jurors = await (from a in db.JurorAppointments
                            join u in db.Users on a.JurorUserId equals u.Id
                            where a.ContestStageId == stage.Id
                            orderby u.FullName
                            select new MatrixJuror(u.Id, u.FullName, u.Institution)).ToListAsync(ct);
        var profiles = await (from p in db.BusinessProfiles
                              join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                              where p.ContestId == contestId && p.Status == ProfileStatus.Eligible
                              orderby p.Code
                              select new MatrixProfile(p.Id, p.Code, p.Title, g.Id, g.Name)).ToListAsync(ct);
        var cells = await db.Scorecards.Where(s => s.ContestStageId == stage.Id)
            .Select(s => new MatrixCell(s.BusinessProfileId, s.JurorUserId, s.Id, s.Status)).ToListAsync(ct);
        var conflicts = await db.ConflictsOfInterest.Where(c => c.ContestId == contestId)
            .Select(c => new ConflictPair(c.JurorUserId, c.ProducerGroupId)).ToListAsync(ct);
        var state = await db.StageAssignments.AsNoTracking().SingleOrDefaultAsync(s => s.ContestStageId == stage.Id, ct);
        return new AssignmentMatrix(contest.Id, contest.Code, contest.Title, stages, stage, jurors, profiles, cells, conflicts, state?.LastSeed);
    }

    private static async Task<(AssignmentInput Input, List<Scorecard> Scorecards)> InputAsync(ContestsDbContext db, ContestStage stage, int seed, CancellationToken ct)
    {
        var profiles = await db.BusinessProfiles.Where(p => p.ContestId == stage.ContestId && p.Status == ProfileStatus.Eligible)
            .Select(p => new AssignmentProfile(p.Id, p.ProducerGroupId)).ToListAsync(ct);
        var jurors = await db.JurorAppointments.Where(a => a.ContestStageId == stage.Id).Select(a => a.JurorUserId).ToListAsync(ct);
        var conflicts = await db.ConflictsOfInterest.Where(c => c.ContestId == stage.ContestId)
            .Select(c => new { c.JurorUserId, c.ProducerGroupId }).ToListAsync(ct);
        var scorecards = await db.Scorecards.Where(s => s.ContestStageId == stage.Id).ToListAsync(ct);
        var existing = scorecards.Where(s => s.IsActive).Select(s => new ExistingSeat(s.BusinessProfileId, s.JurorUserId, s.IsStarted)).ToList();
        // An excluded scorecard keeps its row (and the unique index): that juror cannot take the profile again.
        var blocked = scorecards.Where(s => !s.IsActive).Select(s => new Seat(s.BusinessProfileId, s.JurorUserId)).ToList();
        var input = new AssignmentInput(profiles, jurors, stage.JurorsPerProfile,
            conflicts.Select(c => (c.JurorUserId, c.ProducerGroupId)).ToList(), existing, seed, blocked);
        return (input, scorecards);
    }

    internal static async Task<StageAssignmentState> StateAsync(ContestsDbContext db, int stageId, CancellationToken ct)
    {
        var state = await db.StageAssignments.SingleOrDefaultAsync(s => s.ContestStageId == stageId, ct);
        if (state is null)
        {
            state = new StageAssignmentState(stageId);
            db.StageAssignments.Add(state);
        }
        return state;
    }

    /// <summary>Saves and, once committed, tells the contest's open screens (the matrix, the evaluation page, the jurors' live pages).</summary>
    private async Task<ServiceResult<T>> SaveAsync<T>(ContestsDbContext db, int contestId, int stageId, T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            events?.Publish(new ContestEvent(contestId, ContestChange.AssignmentChanged, stageId));
            return ServiceResult<T>.Ok(value);
        }
        catch (DbUpdateException)
        {
            // Another change of the same stage was saved first (its version, or the unique index, says so).
            return ServiceResult<T>.Fail(ServiceOutcome.Conflict);
        }
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record StageChoice(int Id, string Code, string Name, int JurorsPerProfile);

public sealed record MatrixJuror(string UserId, string FullName, string? Institution);

public sealed record MatrixProfile(int ProfileId, string? Code, string Title, int GroupId, string GroupName);

public sealed record MatrixCell(int ProfileId, string JurorUserId, int ScorecardId, ScorecardStatus Status);

public sealed record ConflictPair(string JurorUserId, int GroupId);

public sealed record AssignmentMatrix(
    int ContestId, string ContestCode, string ContestTitle, IReadOnlyList<StageChoice> Stages, StageChoice? Stage,
    IReadOnlyList<MatrixJuror> Jurors, IReadOnlyList<MatrixProfile> Profiles, IReadOnlyList<MatrixCell> Cells,
    IReadOnlyList<ConflictPair> Conflicts, int? LastSeed)
{
    public MatrixCell? Cell(int profileId, string jurorUserId) => Cells.FirstOrDefault(c => c.ProfileId == profileId && c.JurorUserId == jurorUserId);

    public bool IsConflicted(MatrixProfile profile, string jurorUserId) => Conflicts.Contains(new ConflictPair(jurorUserId, profile.GroupId));

    /// <summary>The juror's load: scorecards of this stage that count (not excluded).</summary>
    public int LoadOf(string jurorUserId) => Cells.Count(c => c.JurorUserId == jurorUserId && c.Status != ScorecardStatus.Excluded);

    public int FilledOf(int profileId) => Cells.Count(c => c.ProfileId == profileId && c.Status != ScorecardStatus.Excluded);
}
