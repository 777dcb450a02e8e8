using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Testing;

/// <summary>The demo contest brought to where its results can be published, through the real services.</summary>
public static class RankableDemo
{
    public const string ContestCode = "AYA-2026-01";

    /// <summary>
    /// The demo's call closes in 30 days: its deadline is moved to a minute ago in the database (the
    /// one thing no service does: a published call's dates are fixed), then the clock closes it and
    /// the administrator starts the evaluation, assigns the jurors and enters every scorecard.
    /// Returns how many scorecards were entered.
    /// </summary>
    public static async Task<int> MakeRankableAsync(PortalFactory portal)
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        string adminId;
        int contestId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            adminId = await db.Users.Where(u => u.Email == "admin@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync();
            var contest = await db.Contests.SingleAsync(c => c.Code == ContestCode);
            contestId = contest.Id;
            db.Entry(contest).ComplexProperty(c => c.Timeline).Property(t => t.SubmissionsCloseAtUtc).CurrentValue = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }
        Xunit.Assert.Equal(1, await services.GetRequiredService<ContestClock>().SyncAsync());
        var version = await VersionOfContestAsync(factory, contestId);
        var started = await services.GetRequiredService<ContestAdminService>().AdvanceAsync(adminId, contestId, version, ContestTransition.StartEvaluation);
        Xunit.Assert.True(started.Succeeded, started.Outcome.ToString());

        var admin = new ActingUser(adminId, IsAdmin: true);
        List<(int Id, List<ContestCriterion> Criteria)> stages;
        await using (var db = await factory.CreateDbContextAsync())
        {
            stages = (await db.Contests.Where(c => c.Id == contestId).SelectMany(c => c.Stages).Include(s => s.Criteria).ToListAsync())
                .Select(s => (s.Id, s.Criteria.OrderBy(c => c.Order).ToList())).ToList();
        }
        var entered = 0;
        foreach (var (stageId, criteria) in stages)
        {
            var run = await services.GetRequiredService<AssignmentService>().RunAsync(admin, stageId, 2026);
            Xunit.Assert.True(run.Succeeded, run.Outcome.ToString());
            List<(int Id, Guid Version, string Code)> scorecards;
            await using (var db = await factory.CreateDbContextAsync())
            {
                scorecards = (await (from s in db.Scorecards
                                     join p in db.BusinessProfiles on s.BusinessProfileId equals p.Id
                                     where s.ContestStageId == stageId
                                     select new { s.Id, s.Version, Code = p.Code! }).ToListAsync())
                    .Select(s => (s.Id, s.Version, s.Code)).ToList();
            }
            foreach (var (id, cardVersion, code) in scorecards)
            {
                // Each profile scores differently (by its number), so the ranking has an order to show.
                var share = 0.95m - (0.08m * int.Parse(code[^3..], System.Globalization.CultureInfo.InvariantCulture) % 0.4m);
                var points = criteria.Select(c => new CriterionPoints(c.Code, Math.Round(c.MaxPoints * share, MidpointRounding.AwayFromZero))).ToList();
                var paper = await services.GetRequiredService<PaperSheetService>().EnterAsync(admin, id, cardVersion, points, "Ficha en papel firmada.");
                Xunit.Assert.True(paper.Succeeded, $"{code}: {paper.Outcome} {string.Join(", ", paper.Violations.Select(v => v.Rule))}");
                entered++;
            }
        }
        return entered;
    }

    private static async Task<Guid> VersionOfContestAsync(IDbContextFactory<ContestsDbContext> factory, int contestId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Contests.Where(c => c.Id == contestId).Select(c => c.Version).SingleAsync();
    }
}
