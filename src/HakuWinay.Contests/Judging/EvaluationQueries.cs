using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// The Admin's evaluation page of one stage: scorecards submitted out of expected (expected are
/// the active ones: assigned and not excluded), per juror and per profile, each juror's stage total
/// of a submitted scorecard (<see cref="ScoreRules.StageTotal(IReadOnlyList{ScoringCriterion}, IEnumerable{CriterionPoints})"/>),
/// and the spread of those totals (<see cref="JurorSpread"/>) with the profiles past the stage's
/// threshold flagged for discussion. A handful of queries per stage, none per profile.
/// </summary>
public sealed class EvaluationQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>The contest's stages and the chosen one's evaluation (the first stage when none is asked); null when the contest or the stage does not exist.</summary>
    public async Task<EvaluationView?> EvaluationAsync(int contestId, int? stageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contest = await db.Contests.AsNoTracking().Where(c => c.Id == contestId).Select(c => new { c.Id, c.Code, c.Title }).SingleOrDefaultAsync(ct);
        if (contest is null)
        {
            return null;
        }
        var stages = await db.Set<ContestStage>().AsNoTracking().Where(s => s.ContestId == contestId).OrderBy(s => s.Order)
            .Select(s => new StageChoice(s.Id, s.Code, s.Name, s.JurorsPerProfile)).ToListAsync(ct);
        var chosen = stageId is null ? stages.FirstOrDefault() : stages.SingleOrDefault(s => s.Id == stageId);
        if (chosen is null && stageId is not null)
        {
            return null;
        }
        var stage = chosen is null ? null : await StageAsync(db, chosen.Id, ct);
        return new EvaluationView(contest.Id, contest.Code, contest.Title, stages, stage);
    }

    /// <summary>
    /// A submitted scorecard's total; null while not submitted, or if the stage gained a criterion
    /// after it was submitted (it has no points there; the Admin reopens it rather than the page failing).
    /// </summary>
    private static decimal? TotalOf(StageDesign design, Scorecard scorecard)
    {
        var entries = design.EntriesOf(scorecard);
        return scorecard.Status == ScorecardStatus.Submitted && entries.All(e => e.Points is not null)
            ? ScoreRules.StageTotal(design.Rules, entries)
            : null;
    }

    private static async Task<StageEvaluation> StageAsync(ContestsDbContext db, int stageId, CancellationToken ct)
    {
        var design = (await StageDesign.LoadAsync(db, stageId, ct))!;
        var threshold = await db.Set<ContestStage>().Where(s => s.Id == stageId).Select(s => s.SpreadThreshold).SingleAsync(ct);
        var scorecards = await db.Scorecards.AsNoTracking().Include(s => s.Points).Where(s => s.ContestStageId == stageId).ToListAsync(ct);
        var jurorIds = scorecards.Select(s => s.JurorUserId).Distinct().ToList();
        var appointed = await db.JurorAppointments.Where(a => a.ContestStageId == stageId).Select(a => a.JurorUserId).ToListAsync(ct);
        jurorIds = [.. jurorIds.Union(appointed)];
        var jurors = await db.Users.Where(u => jurorIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var profileIds = scorecards.Select(s => s.BusinessProfileId).Distinct().ToList();
        var profiles = await (from p in db.BusinessProfiles
                              join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                              where p.ContestId == design.ContestId && (p.Status == ProfileStatus.Eligible || profileIds.Contains(p.Id))
                              select new { p.Id, p.Code, p.Title, Group = g.Name }).ToListAsync(ct);

        EvaluatedScorecard Evaluate(Scorecard s) => new(s.Id, s.JurorUserId, jurors.TryGetValue(s.JurorUserId, out var j) ? j.FullName : s.JurorUserId,
            s.Status, s.EnteredByAdminUserId is not null, TotalOf(design, s));

        var byProfile = profiles.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
        {
            var cards = scorecards.Where(s => s.BusinessProfileId == p.Id).OrderBy(s => s.Id).Select(Evaluate).ToList();
            var spread = JurorSpread.Of([.. cards.Where(c => c.Total is not null).Select(c => c.Total!.Value)]);
            return new ProfileEvaluation(p.Id, p.Code, p.Title, p.Group,
                cards.Count(c => c.Status == ScorecardStatus.Submitted), cards.Count(c => c.Status != ScorecardStatus.Excluded),
                cards, spread, spread?.Exceeds(threshold) ?? false);
        }).ToList();
        var byJuror = jurorIds.Select(id =>
        {
            var cards = scorecards.Where(s => s.JurorUserId == id && s.IsActive).ToList();
            var juror = jurors.GetValueOrDefault(id);
            return new JurorProgress(id, juror?.FullName ?? id, juror?.Email, cards.Count(s => s.Status == ScorecardStatus.Submitted), cards.Count);
        }).OrderBy(j => j.Name, StringComparer.CurrentCulture).ToList();
        return new StageEvaluation(design.StageId, design.StageCode, design.StageName, design.ScoringDeadlineUtc, threshold,
            scorecards.Count(s => s.Status == ScorecardStatus.Submitted), scorecards.Count(s => s.IsActive), byJuror, byProfile);
    }
}

public sealed record EvaluationView(int ContestId, string ContestCode, string ContestTitle, IReadOnlyList<StageChoice> Stages, StageEvaluation? Stage);

public sealed record StageEvaluation(
    int StageId, string Code, string Name, DateTime? ScoringDeadlineUtc, decimal SpreadThreshold, int Submitted, int Expected,
    IReadOnlyList<JurorProgress> Jurors, IReadOnlyList<ProfileEvaluation> Profiles)
{
    public int FlaggedCount => Profiles.Count(p => p.ForDiscussion);
}

public sealed record JurorProgress(string UserId, string Name, string? Email, int Submitted, int Expected);

/// <summary>One profile of the stage: its scorecards, the spread of the submitted totals and whether it goes to discussion.</summary>
public sealed record ProfileEvaluation(
    int ProfileId, string? Code, string Title, string GroupName, int Submitted, int Expected,
    IReadOnlyList<EvaluatedScorecard> Scorecards, JurorSpread? Spread, bool ForDiscussion);

/// <summary>A juror's scorecard of the profile; <see cref="Total"/> only once submitted.</summary>
public sealed record EvaluatedScorecard(int ScorecardId, string JurorUserId, string JurorName, ScorecardStatus Status, bool EnteredByAdmin, decimal? Total);
