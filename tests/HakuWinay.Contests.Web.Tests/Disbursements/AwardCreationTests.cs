using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Disbursements;

public sealed class AwardCreationTests
{
    [Fact]
    public async Task Publishing_results_gives_each_funded_profile_an_award_split_70_30_with_three_visits_for_the_technician()
    {
        using var portal = new PortalFactory();
        var awards = await AwardedDemo.PublishAsync(portal);
        var factory = portal.Services.GetRequiredService<IDbContextFactory<Data.ContestsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var entries = await db.ResultsPublicationEntries
            .Where(e => e.Outcome == ResultOutcome.Funded || e.Outcome == ResultOutcome.PartiallyFunded).ToListAsync();
        var technician = await db.Users.Where(u => u.Email == AwardedDemo.TechnicianEmail).Select(u => u.Id).SingleAsync();
        var stored = await db.Awards.Include(a => a.Tranches).Include(a => a.Visits).ToListAsync();

        Assert.NotEmpty(entries);
        Assert.Equal(entries.Select(e => e.BusinessProfileId).Order(), awards.Select(a => a.ProfileId).Order());
        foreach (var award in stored)
        {
            var entry = entries.Single(e => e.BusinessProfileId == award.BusinessProfileId);
            Assert.Equal(entry.Award, award.Amount);
            Assert.Equal(award.Amount, award.Tranches.Sum(t => t.Amount));
            Assert.Equal(Common.Money.Round(award.Amount * 0.7m), award.Tranches.Single(t => t.Order == 1).Amount);
            Assert.All(award.Tranches, t => Assert.Equal(TrancheStatus.Scheduled, t.Status));
            Assert.Equal([30, 90, 180], award.Visits.OrderBy(v => v.Order).Select(v => v.DaysAfterFirstPayment));
            Assert.All(award.Visits, v => Assert.Equal((technician, VisitStatus.Planned), (v.TechnicianUserId!, v.Status)));
        }
    }
}
