using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

public sealed record JurorScorecardRow(int ScorecardId, int ProfileId, string? Code, string Title, string GroupName, ScorecardStatus Status);

/// <summary>One stage of the juror's list: its deadline and their scorecards; progress is submitted of assigned.</summary>
public sealed record JurorStageScorecards(int StageId, string StageName, DateTime? ScoringDeadlineUtc, IReadOnlyList<JurorScorecardRow> Rows, bool IsField = false)
{
    public int Submitted => Rows.Count(r => r.Status == ScorecardStatus.Submitted);
}

public sealed record JurorScorecards(int ContestId, string ContestCode, string ContestTitle, bool DeclarationConfirmed, IReadOnlyList<JurorStageScorecards> Stages);

/// <summary>The juror's own scorecards of a contest, per stage they are appointed to. Never another juror's, never points.</summary>
public sealed class ScoringQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    public async Task<ServiceResult<JurorScorecards>> JurorScorecardsAsync(string jurorUserId, int contestId, CancellationToken ct = default)
    {
        List<(int Id, string Name, DateTime? Deadline, int Order)> stages;
        Dictionary<int, int> stageOf;
        JurorScorecards? header;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var contest = await db.Contests.Where(c => c.Id == contestId).Select(c => new { c.Id, c.Code, c.Title }).SingleOrDefaultAsync(ct);
            if (contest is null)
            {
                return ServiceResult<JurorScorecards>.Fail(ServiceOutcome.NotFound);
            }
            var appointed = await (from a in db.JurorAppointments
                                   join s in db.Set<ContestStage>() on a.ContestStageId equals s.Id
                                   where a.ContestId == contestId && a.JurorUserId == jurorUserId
                                   orderby s.Order
                                   select new { s.Id, s.Name, s.ScoringDeadlineUtc, s.Order }).ToListAsync(ct);
            if (appointed.Count == 0)
            {
                return ServiceResult<JurorScorecards>.Fail(ServiceOutcome.Forbidden);
            }
            stages = appointed.Select(s => (s.Id, s.Name, s.ScoringDeadlineUtc, s.Order)).ToList();
            var confirmed = await db.ConflictDeclarations.AnyAsync(d => d.ContestId == contestId && d.JurorUserId == jurorUserId, ct);
            header = new JurorScorecards(contest.Id, contest.Code, contest.Title, confirmed, []);
            stageOf = await db.Scorecards.Where(s => s.JurorUserId == jurorUserId).Select(s => new { s.Id, s.ContestStageId })
                .ToDictionaryAsync(s => s.Id, s => s.ContestStageId, ct);
        }
        var visible = await new JudgingQueries(dbFactory).VisibleProfilesAsync(jurorUserId, contestId, ct);
        return ServiceResult<JurorScorecards>.Ok(header with
        {
            Stages = stages.Select(s => new JurorStageScorecards(s.Id, s.Name, s.Deadline,
                visible.Where(v => stageOf.GetValueOrDefault(v.ScorecardId) == s.Id)
                    .Select(v => new JurorScorecardRow(v.ScorecardId, v.ProfileId, v.Code, v.Title, v.GroupName, v.Status)).ToList(),
                IsField: s.Order == 1)).ToList(),
        });
    }
}
