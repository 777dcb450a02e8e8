using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Testing;

/// <summary>
/// The demo of every stage (Seed:DemoCycle=true, docs/decisions/015-demo-of-every-stage.md) as the
/// tests find it: who plays which part, and where each story's rows are.
/// </summary>
public static class FullDemo
{
    public static Dictionary<string, string?> Settings => new() { ["Seed:DemoCycle"] = "true" };

    public const string PendingJurorEmail = "jurado2@demo.hakuwinay.pe";
    public const string TrancheTwoDueEmail = "grupo5@demo.hakuwinay.pe";
    public const string UpheldEmail = "grupo6@demo.hakuwinay.pe";
    public const string VisitThisWeekEmail = "grupo6@demo.hakuwinay.pe";
    public const string AtRiskEmail = "grupo7@demo.hakuwinay.pe";
    public const string ClosedEmail = "grupo8@demo.hakuwinay.pe";
    public const string RejectedEmail = "grupo1@demo.hakuwinay.pe";

    /// <summary>The contest in evaluation (code ending in -02).</summary>
    public static Task<Contest> EvaluationContestAsync(ContestsDbContext db) =>
        db.Contests.AsNoTracking().Include(c => c.Stages).SingleAsync(c => c.Code.EndsWith("-02") && c.Status == ContestStatus.Evaluation);

    /// <summary>Last year's contest (code ending in -03), in execution.</summary>
    public static Task<Contest> LastYearContestAsync(ContestsDbContext db) =>
        db.Contests.AsNoTracking().SingleAsync(c => c.Code.EndsWith("-03") && c.Status == ContestStatus.Execution);

    public static Task<string> UserIdAsync(ContestsDbContext db, string email) =>
        db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    /// <summary>The award of last year's contest held by the group that <paramref name="email"/> represents.</summary>
    public static async Task<Award> AwardOfAsync(ContestsDbContext db, string email)
    {
        var contest = await LastYearContestAsync(db);
        var userId = await UserIdAsync(db, email);
        return await (from a in db.Awards.AsNoTracking().Include(a => a.Tranches).Include(a => a.Visits)
                      join g in db.ProducerGroups on a.ProducerGroupId equals g.Id
                      where a.ContestId == contest.Id && g.RepresentativeUserId == userId
                      select a).SingleAsync();
    }

    /// <summary>The field scorecard the pending juror has still to score, in the contest in evaluation.</summary>
    public static async Task<Scorecard> PendingFieldScorecardAsync(ContestsDbContext db)
    {
        var contest = await EvaluationContestAsync(db);
        var field = contest.Stages.Single(s => s.Code == "CAMPO").Id;
        var juror = await UserIdAsync(db, PendingJurorEmail);
        return await db.Scorecards.AsNoTracking().SingleAsync(s => s.ContestStageId == field && s.JurorUserId == juror && s.Status != ScorecardStatus.Submitted);
    }

    /// <summary>The first visit of the award whose visit is due this week.</summary>
    public static async Task<AwardVisit> VisitDueThisWeekAsync(ContestsDbContext db) =>
        (await AwardOfAsync(db, VisitThisWeekEmail)).Visits.OrderBy(v => v.Order).First();
}
