using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// The demo of every stage (docs/decisions/015-demo-of-every-stage.md), loaded after
/// <see cref="DemoSeeder"/> when <c>Seed:DemoCycle</c> is on: beside the open AYA-2026-01, a
/// contest in evaluation (<see cref="DemoCycleEvaluation"/>) and last year's contest, published
/// twice and in execution (<see cref="DemoCycleLastYear"/>, <see cref="DemoCycleExecution"/>).
/// Everything is done through the domain's services, as the administrator, the jurors, the groups
/// and the technician would have done it on the day, on a clock the story moves (<see cref="DemoCycleStory"/>).
/// Idempotent: each contest is found again by its code's fixed suffix (its year is the year of the
/// first start), and one that exists is left as it is.
/// </summary>
public sealed class DemoCycleSeeder(IServiceProvider services, IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    public const string CycleFile = "demo/demo-cycle.json";

    public async Task SeedAsync(DemoSeed demo, SeedFolder seeds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(seeds);
        var cycle = seeds.Read<DemoCycleSeed>(CycleFile);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = LimaTime.ToLima(now).Year;
        var lastYear = !await ExistsAsync(demo, cycle.LastYear, ct);
        var evaluation = !await ExistsAsync(demo, cycle.Evaluation, ct);
        if (!lastYear && !evaluation)
        {
            return;
        }
        var story = await DemoCycleStory.StartAsync(services, dbFactory, demo, now, ct);
        DemoProfileSeed ProfileOf(string email) =>
            demo.Groups.FirstOrDefault(g => string.Equals(g.RepresentativeEmail, email, StringComparison.OrdinalIgnoreCase))?.Profile
            ?? cycle.Profiles.FirstOrDefault(p => string.Equals(p.RepresentativeEmail, email, StringComparison.OrdinalIgnoreCase))?.Profile
            ?? throw new InvalidOperationException($"Demo cycle: no profile for the group of {email}.");
        if (lastYear)
        {
            var contestId = await DemoCycleLastYear.SeedAsync(story, cycle.LastYear, cycle.LastYear.CodeFor(year), ProfileOf, ct);
            await DemoCycleExecution.SeedAsync(story, contestId, ct);
        }
        if (evaluation)
        {
            await DemoCycleEvaluation.SeedAsync(story, cycle.Evaluation, cycle.Evaluation.CodeFor(year), ProfileOf, ct);
        }
        story.Finish();
    }

    /// <summary>Whether the contest of <paramref name="seed"/> was seeded by an earlier start, in whatever year that was.</summary>
    private async Task<bool> ExistsAsync(DemoSeed demo, DemoCycleContestSeed seed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefix = seed.CodeFormat[..seed.CodeFormat.IndexOf("{year}", StringComparison.Ordinal)];
        return await db.Contests.AnyAsync(c => c.Code != demo.Contest.Code && c.Code.StartsWith(prefix) && c.Code.EndsWith(seed.CodeSuffix), ct);
    }
}
