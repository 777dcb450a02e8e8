using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>
/// The Admin's preview of a contest's results as they stand now: the rules' ranking of the
/// database's input, what blocks publication, and the profiles the evaluation page flags for
/// discussion (the jurors' totals too far apart; <see cref="EvaluationQueries"/>).
/// </summary>
public sealed class ResultsPreviewService(IDbContextFactory<ContestsDbContext> dbFactory, EvaluationQueries evaluation)
{
    /// <summary>The preview; null when the contest does not exist.</summary>
    public async Task<ResultsPreview?> PreviewAsync(int contestId, CancellationToken ct = default)
    {
        ResultsReadiness? readiness;
        ContestHeading? heading;
        List<int> stageIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            heading = await db.Contests.AsNoTracking().Where(c => c.Id == contestId)
                .Select(c => new ContestHeading(c.Id, c.Code, c.Title, c.Status, c.CorrectionOpenedAtUtc, c.CorrectionReason, c.AppealWindowDays,
                    c.ShareJurorCommentsWithGroups))
                .SingleOrDefaultAsync(ct);
            readiness = await ResultsReadiness.AssessAsync(db, contestId, ct);
            stageIds = await db.Set<ContestStage>().Where(s => s.ContestId == contestId).OrderBy(s => s.Order).Select(s => s.Id).ToListAsync(ct);
        }
        if (heading is null || readiness is null)
        {
            return null;
        }
        var (ranking, error) = TryRank(readiness.Built.Input);
        var flagged = new List<FlaggedDisagreement>();
        foreach (var stageId in stageIds)
        {
            var stage = (await evaluation.EvaluationAsync(contestId, stageId, ct))?.Stage;
            if (stage is null)
            {
                continue;
            }
            flagged.AddRange(stage.Profiles.Where(p => p.ForDiscussion && p.Spread is not null)
                .Select(p => new FlaggedDisagreement(stage.StageId, stage.Code, stage.Name, p.ProfileId, p.Code, p.GroupName, p.Spread!, stage.SpreadThreshold)));
        }
        return new ResultsPreview(heading, readiness.Built.Input, readiness.Built.ProfileIds, ranking, error, readiness.Blockers, flagged);
    }

    /// <summary>The ranking, or why the rules refused the input (their message names what is wrong).</summary>
    internal static (RankingResult? Ranking, string? Error) TryRank(ResultsInput input)
    {
        try
        {
            return (Ranking.Compute(input), null);
        }
        catch (ResultsInputException e)
        {
            return (null, e.Message);
        }
    }
}

/// <summary>The contest as the results page heads it.</summary>
public sealed record ContestHeading(
    int Id, string Code, string Title, ContestStatus Status, DateTime? CorrectionOpenedAtUtc, string? CorrectionReason, int AppealWindowDays,
    bool ShareJurorCommentsWithGroups)
{
    public bool CorrectionOpen => CorrectionOpenedAtUtc is not null;

    public bool ResultsPublished => Status is ContestStatus.ResultsPublished or ContestStatus.Execution or ContestStatus.Archived;
}

/// <summary>
/// The results as they stand. <see cref="Ranking"/> is null when the rules refused the input
/// (<see cref="RankingError"/> says why). Publishing is possible when nothing blocks it.
/// </summary>
public sealed record ResultsPreview(
    ContestHeading Contest,
    ResultsInput Input,
    IReadOnlyDictionary<string, int> ProfileIds,
    RankingResult? Ranking,
    string? RankingError,
    IReadOnlyList<ResultsBlocker> Blockers,
    IReadOnlyList<FlaggedDisagreement> Flagged)
{
    public bool CanPublish => Blockers.Count == 0 && Ranking is not null;

    /// <summary>A profile's facts (group name, production line, district) by its code.</summary>
    public ProfileFacts? Profile(string code) => Input.Profiles.FirstOrDefault(p => p.Code == code);
}

/// <summary>A profile whose jurors' stage totals are further apart than the stage's threshold.</summary>
public sealed record FlaggedDisagreement(
    int StageId, string StageCode, string StageName, int ProfileId, string? ProfileCode, string GroupName, JurorSpread Spread, decimal Threshold);
