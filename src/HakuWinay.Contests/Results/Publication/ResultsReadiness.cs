using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>A contest's input and everything that blocks publishing it; shared by the preview and the publication.</summary>
internal sealed record ResultsReadiness(BuiltResultsInput Built, IReadOnlyList<ResultsBlocker> Blockers)
{
    public static async Task<ResultsReadiness?> AssessAsync(ContestsDbContext db, int contestId, CancellationToken ct)
    {
        var contest = await db.Contests.AsNoTracking().Where(c => c.Id == contestId)
            .Select(c => new { c.Status, c.CorrectionOpenedAtUtc }).SingleOrDefaultAsync(ct);
        var built = await ResultsInputBuilder.BuildAsync(db, contestId, ct);
        if (contest is null || built is null)
        {
            return null;
        }
        var blockers = new List<ResultsBlocker>();
        var ready = contest.Status == ContestStatus.Evaluation
            || (contest.Status is ContestStatus.ResultsPublished or ContestStatus.Execution && contest.CorrectionOpenedAtUtc is not null);
        if (!ready)
        {
            blockers.Add(new ResultsBlocker(ResultsBlockerKind.ContestNotReady));
        }
        blockers.AddRange(built.Blockers);

        var stages = await db.Set<ContestStage>().AsNoTracking().Where(s => s.ContestId == contestId).OrderBy(s => s.Order)
            .Select(s => new { s.Id, s.Code, s.JurorsPerProfile }).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var eligible = await db.BusinessProfiles.AsNoTracking().Where(p => p.ContestId == contestId && p.Status == ProfileStatus.Eligible)
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code }).ToListAsync(ct);
        var eligibleIds = eligible.Select(p => p.Id).ToList();
        var cards = await db.Scorecards.AsNoTracking()
            .Where(s => stageIds.Contains(s.ContestStageId) && eligibleIds.Contains(s.BusinessProfileId) && s.Status != ScorecardStatus.Excluded)
            .Select(s => new { s.Id, s.ContestStageId, s.BusinessProfileId, s.Status }).ToListAsync(ct);
        var accepted = await db.IncompleteAcceptances.AsNoTracking().Where(a => a.ContestId == contestId)
            .Select(a => new { a.BusinessProfileId, a.ContestStageId }).ToListAsync(ct);
        foreach (var profile in eligible)
        {
            foreach (var stage in stages)
            {
                var mine = cards.Where(c => c.BusinessProfileId == profile.Id && c.ContestStageId == stage.Id).ToList();
                foreach (var open in mine.Where(c => c.Status is ScorecardStatus.NotStarted or ScorecardStatus.Draft).OrderBy(c => c.Id))
                {
                    blockers.Add(new ResultsBlocker(ResultsBlockerKind.OpenScorecard, profile.Id, profile.Code, stage.Id, stage.Code, open.Id));
                }
                var submitted = mine.Count(c => c.Status == ScorecardStatus.Submitted);
                if (submitted < stage.JurorsPerProfile && !accepted.Contains(new { BusinessProfileId = profile.Id, ContestStageId = stage.Id }))
                {
                    blockers.Add(new ResultsBlocker(ResultsBlockerKind.IncompleteNotAccepted, profile.Id, profile.Code, stage.Id, stage.Code));
                }
            }
        }
        return new ResultsReadiness(built, blockers);
    }
}
