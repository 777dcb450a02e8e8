using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging.Live;

/// <summary>
/// What each screen of a live session shows: the Admin's console (names included), the projector
/// (jurors as numbered slots, the score only once revealed) and a juror's tablet (the presenter
/// and the juror's own scorecard for it, under the same rules as <see cref="JudgingQueries"/>).
/// </summary>
public sealed class LiveSessionQueries(IDbContextFactory<ContestsDbContext> dbFactory, JudgingQueries judging)
{
    /// <summary>The console of a stage (null: the running session's stage, else the last stage); null when the contest or stage does not exist.</summary>
    public async Task<LiveConsoleView?> ConsoleAsync(int contestId, int? stageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await StateAsync(db, contestId, stageId, ct);
        if (state is null)
        {
            return null;
        }
        var (contest, stages, stage, session) = state.Value;
        var order = await PresentersAsync(db, session?.Order ?? [], ct);
        var current = Current(session, order);
        var jurors = current is null ? [] : await (from s in db.Scorecards
                                                   join u in db.Users on s.JurorUserId equals u.Id
                                                   where s.ContestStageId == stage.Id && s.BusinessProfileId == current.ProfileId && s.Status != ScorecardStatus.Excluded
                                                   orderby u.FullName
                                                   select new JurorProgress(s.Id, u.FullName, s.Status)).ToListAsync(ct);
        var score = current is null ? null : await ScoreAsync(db, contestId, stage.Id, current.ProfileId, ct);
        var eligible = await db.BusinessProfiles.CountAsync(p => p.ContestId == contestId && p.Status == ProfileStatus.Eligible, ct);
        var drawnBy = session?.DrawnByUserId is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.FullName).SingleOrDefaultAsync(ct) : null;
        return new LiveConsoleView(contest.Id, contest.Code, contest.Title, stages, stage, eligible, session, PhaseOf(session), order, current,
            TimerOf(session), jurors, score, drawnBy);
    }

    /// <summary>The projector of a stage, chosen as for the console. No juror names; the score only once revealed.</summary>
    public async Task<LiveProjectorView?> ProjectorAsync(int contestId, int? stageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await StateAsync(db, contestId, stageId, ct);
        if (state is null)
        {
            return null;
        }
        var (contest, _, stage, session) = state.Value;
        var ids = session?.Order ?? [];
        var current = session?.CurrentProfileId is { } profileId ? (await PresentersAsync(db, [profileId], ct)).SingleOrDefault() : null;
        IReadOnlyList<JurorSlot> slots = [];
        decimal? revealed = null;
        if (current is not null)
        {
            // Numbered by assignment, so a slot keeps its number while the jurors submit.
            var statuses = await db.Scorecards.Where(s => s.ContestStageId == stage.Id && s.BusinessProfileId == current.ProfileId && s.Status != ScorecardStatus.Excluded)
                .OrderBy(s => s.Id).Select(s => s.Status).ToListAsync(ct);
            slots = statuses.Select((status, i) => new JurorSlot(i + 1, status == ScorecardStatus.Submitted)).ToList();
            if (session!.ScoreRevealed && (await ScoreAsync(db, contestId, stage.Id, current.ProfileId, ct))?.Score is { } score)
            {
                revealed = StageScore.Round(score);
            }
        }
        return new LiveProjectorView(contest.Id, contest.Title, stage, PhaseOf(session), current, (session?.CurrentPosition ?? -1) + 1, ids.Count,
            TimerOf(session), slots, revealed);
    }

    /// <summary>
    /// A juror's view of the contest's session (the running one, else the latest): the presenter and
    /// the juror's scorecard for it when assigned, not excluded and not conflicted. Forbidden to a
    /// juror not appointed to the contest.
    /// </summary>
    public async Task<ServiceResult<JurorLiveView>> JurorAsync(string jurorUserId, int contestId, CancellationToken ct = default)
    {
        LiveSession? session;
        LivePresenter? current;
        string? stageName;
        int? candidate;
        string code, title;
        bool confirmed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var contest = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.Code, c.Title }).SingleOrDefaultAsync(ct);
            if (contest is null)
            {
                return ServiceResult<JurorLiveView>.Fail(ServiceOutcome.NotFound);
            }
            if (!await db.JurorAppointments.AnyAsync(a => a.ContestId == contestId && a.JurorUserId == jurorUserId, ct))
            {
                return ServiceResult<JurorLiveView>.Fail(ServiceOutcome.Forbidden);
            }
            (code, title) = (contest.Code, contest.Title);
            confirmed = await db.ConflictDeclarations.AnyAsync(d => d.ContestId == contestId && d.JurorUserId == jurorUserId, ct);
            var sessions = await db.LiveSessions.AsNoTracking().Where(s => s.ContestId == contestId).ToListAsync(ct);
            session = sessions.OrderByDescending(s => s.IsRunning).ThenByDescending(s => s.StartedAtUtc).ThenByDescending(s => s.Id).FirstOrDefault();
            stageName = session is null ? null : await db.Set<ContestStage>().Where(s => s.Id == session.ContestStageId).Select(s => s.Name).SingleAsync(ct);
            current = session?.CurrentProfileId is { } profileId ? (await PresentersAsync(db, [profileId], ct)).SingleOrDefault() : null;
            candidate = current is null ? null : await db.Scorecards
                .Where(s => s.ContestStageId == session!.ContestStageId && s.BusinessProfileId == current.ProfileId && s.JurorUserId == jurorUserId)
                .Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        }
        // The same rules as every other way a juror reaches a profile: declared, appointed, not conflicted, not excluded.
        var scorecardId = candidate is { } id && (await judging.VisibleProfilesAsync(jurorUserId, contestId, ct)).Any(p => p.ScorecardId == id) ? candidate : null;
        return ServiceResult<JurorLiveView>.Ok(new JurorLiveView(contestId, code, title, PhaseOf(session), stageName, current, scorecardId, confirmed));
    }

    private static async Task<(Contest Contest, IReadOnlyList<LiveStage> Stages, LiveStage Stage, LiveSession? Session)?> StateAsync(
        ContestsDbContext db, int contestId, int? stageId, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().Include(c => c.Stages).SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null || contest.Stages.Count == 0)
        {
            return null;
        }
        var stages = contest.Stages.OrderBy(s => s.Order).Select(s => new LiveStage(s.Id, s.Code, s.Name)).ToList();
        var sessions = await db.LiveSessions.AsNoTracking().Where(s => s.ContestId == contestId).ToListAsync(ct);
        // Without a choice: the stage whose session runs, else the last stage (the public presentation comes last).
        var stage = stageId is { } chosen ? stages.SingleOrDefault(s => s.Id == chosen)
            : stages.SingleOrDefault(s => sessions.Any(x => x.ContestStageId == s.Id && x.IsRunning)) ?? stages[^1];
        return stage is null ? null : (contest, stages, stage, sessions.SingleOrDefault(s => s.ContestStageId == stage.Id));
    }

    private static async Task<IReadOnlyList<LivePresenter>> PresentersAsync(ContestsDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await (from p in db.BusinessProfiles
                          join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                          join l in db.ProductionLines on g.ProductionLineId equals l.Id
                          where ids.Contains(p.Id)
                          select new LivePresenter(p.Id, p.Code, p.Title, g.Name, l.Name)).ToDictionaryAsync(p => p.ProfileId, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    /// <summary>The profile's stage score from its submitted, non-excluded scorecards (<see cref="StageScore"/>), exact and rounded once to two decimals.</summary>
    internal static async Task<LiveScore> ScoreAsync(ContestsDbContext db, int contestId, int stageId, int profileId, CancellationToken ct)
    {
        var scorecards = await db.Scorecards.AsNoTracking().Include(s => s.Points)
            .Where(s => s.ContestStageId == stageId && s.BusinessProfileId == profileId && s.Status != ScorecardStatus.Excluded).ToListAsync(ct);
        var aggregation = await db.Contests.Where(c => c.Id == contestId).Select(c => c.Evaluation.Aggregation).SingleAsync(ct);
        var design = await StageDesign.LoadAsync(db, stageId, ct);
        var totals = scorecards.Where(s => s.Status == ScorecardStatus.Submitted)
            .Select(s => design!.EntriesOf(s))
            .Where(entries => entries.All(e => e.Points is not null))
            .Select(entries => ScoreRules.ExactStageTotal(design!.Rules, entries)).ToList();
        // Exact, and rounded once here (issue 17): the projector and the tablets show what the results will.
        return new LiveScore(StageScore.AggregateExact(aggregation, totals) is { } score ? StageScore.Round(score) : null, totals.Count, scorecards.Count, aggregation);
    }

    private static LivePresenter? Current(LiveSession? session, IReadOnlyList<LivePresenter> order) =>
        session?.CurrentProfileId is { } id ? order.SingleOrDefault(p => p.ProfileId == id) : null;

    private static LiveTimer TimerOf(LiveSession? session) =>
        new(session?.TimerStartedAtUtc, session?.PresentationMinutes ?? LiveSession.DefaultPresentationMinutes);

    internal static LivePhase PhaseOf(LiveSession? session) => session switch
    {
        null or { IsDrawn: false } => LivePhase.NotDrawn,
        { IsEnded: true } => LivePhase.Ended,
        { IsStarted: true } => LivePhase.Running,
        _ => LivePhase.Drawn,
    };
}
