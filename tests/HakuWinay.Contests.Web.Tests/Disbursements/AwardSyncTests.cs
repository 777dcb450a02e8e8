using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Disbursements;

/// <summary>
/// What corrected versions of the results do to the awards of a published contest
/// (<see cref="AwardSync"/>, as <see cref="PublicationService"/> runs it in its transaction):
/// an unpaid award follows its new amount, a dropped one is cancelled, a profile funded again gets
/// a new award, and an award an Admin cancelled stays cancelled whatever later versions say.
/// </summary>
public sealed class AwardSyncTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Corrections_re_plan_cancel_and_fund_again_and_leave_an_admins_cancellation_alone()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });
        var awards = await AwardedDemo.PublishAsync(portal);
        Assert.True(awards.Count >= 3, $"The demo gives {awards.Count} award(s); the test needs three.");
        var (lowered, dropped, withdrawn) = (awards[0], awards[1], awards[2]);
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var award = await db.Awards.Include(a => a.Tranches).SingleAsync(a => a.Id == withdrawn.AwardId);
            award.Cancel("Renuncia del grupo", Now);
            await db.SaveChangesAsync();
        }

        var second = await ApplyAsync(factory, 2, entry =>
            entry.BusinessProfileId == lowered.ProfileId ? (entry.Outcome, entry.Award - 1_000m)
            : entry.BusinessProfileId == dropped.ProfileId ? (ResultOutcome.Waitlisted, 0m)
            : (entry.Outcome, entry.Award));

        Assert.Equal(new AwardSyncSummary(0, 1, 1, 0), second);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var replanned = await db.Awards.AsNoTracking().Include(a => a.Tranches).SingleAsync(a => a.Id == lowered.AwardId);
            Assert.Equal((AwardStatus.Active, lowered.Amount - 1_000m, 2), (replanned.Status, replanned.Amount, replanned.PublicationVersion));
            Assert.Equal(replanned.Amount, replanned.Tranches.Sum(t => t.Amount));
            var cancelled = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == dropped.AwardId);
            Assert.Equal((AwardStatus.Cancelled, true), (cancelled.Status, cancelled.CancelledByCorrection));
            var byAdmin = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == withdrawn.AwardId);
            Assert.Equal((AwardStatus.Cancelled, false, "Renuncia del grupo"), (byAdmin.Status, byAdmin.CancelledByCorrection, byAdmin.CancellationReason));
        }

        // Version 3 goes back to what version 1 said: the lowered award takes its first amount
        // again and the dropped profile is funded again.
        var third = await ApplyAsync(factory, 3, entry =>
            entry.BusinessProfileId == dropped.ProfileId ? (ResultOutcome.Funded, dropped.Amount) : (entry.Outcome, entry.Award));

        Assert.Equal(new AwardSyncSummary(1, 1, 0, 0), third);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(lowered.Amount, (await db.Awards.AsNoTracking().SingleAsync(a => a.Id == lowered.AwardId)).Amount);
            var again = await db.Awards.AsNoTracking().Include(a => a.Tranches).Include(a => a.Visits)
                .SingleAsync(a => a.BusinessProfileId == dropped.ProfileId);
            Assert.NotEqual(dropped.AwardId, again.Id);
            Assert.Equal((AwardStatus.Active, dropped.Amount, 3, false), (again.Status, again.Amount, again.PublicationVersion, again.CancelledByCorrection));
            Assert.Equal(again.Amount, again.Tranches.Sum(t => t.Amount));
            Assert.All(again.Tranches, t => Assert.Equal(TrancheStatus.Scheduled, t.Status));
            Assert.NotEmpty(again.Visits);
            var byAdmin = await db.Awards.AsNoTracking().SingleAsync(a => a.BusinessProfileId == withdrawn.ProfileId);
            Assert.Equal((withdrawn.AwardId, AwardStatus.Cancelled, "Renuncia del grupo"), (byAdmin.Id, byAdmin.Status, byAdmin.CancellationReason));
            Assert.Equal(1, await db.AuditLog.CountAsync(e => e.Action == "award.cancelled"));
            Assert.Equal(awards.Count + 1, await db.AuditLog.CountAsync(e => e.Action == "award.created"));
        }
    }

    /// <summary>
    /// Publishes version <paramref name="version"/>: version 1's entries with the outcome and award
    /// <paramref name="change"/> gives each, and runs the award sync on it as publication does.
    /// </summary>
    private static async Task<AwardSyncSummary> ApplyAsync(IDbContextFactory<ContestsDbContext> factory, int version,
        Func<ResultsPublicationEntry, (ResultOutcome Outcome, decimal Award)> change)
    {
        await using var db = await factory.CreateDbContextAsync();
        var first = await db.ResultsPublications.AsNoTracking().Include(p => p.Entries).SingleAsync(p => p.Version == 1);
        var entries = first.Entries.Select(e =>
        {
            var (outcome, award) = change(e);
            return new ResultsPublicationEntry(e.BusinessProfileId, new ResultEntry(e.ProfileCode, e.CategoryCode, [], e.EvaluationScore, e.Bonus,
                e.FinalScore, outcome is ResultOutcome.Funded or ResultOutcome.PartiallyFunded or ResultOutcome.Waitlisted, e.Rank, e.WaitlistPosition,
                outcome, award, "", null));
        }).ToList();
        var publication = new ResultsPublication(first.ContestId, version, Now, first.PublishedByUserId, $"Corrección {version}",
            "{}", new string('0', 64), entries);
        db.ResultsPublications.Add(publication);
        var summary = await AwardSync.ApplyAsync(db, publication, first.PublishedByUserId, Now);
        await db.SaveChangesAsync();
        return summary;
    }
}
