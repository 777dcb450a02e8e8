using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>A group's open award page shows, without a reload, the tranche the sweep made due after the Admin recorded the agreement.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class GroupAwardPageFollowJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[2048]];

    [Fact]
    public async Task The_groups_award_page_shows_tranche_one_ready_for_payment_once_the_sweep_runs()
    {
        var award = (await AwardedDemo.PublishAsync(Portal)).First(a => a.RepresentativeEmail is not null);
        var group = await OpenPageAsync(Devices.Phone);
        await SignInAsync(group, award.RepresentativeEmail!, "/producer");
        await group.GotoAsync($"/awards/{award.AwardId}");
        await Expect(group.GetByTestId("tranche-1")).ToContainTextAsync("Programado");
        await Expect(group.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var factory = services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var adminId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
            var today = DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));
            var recorded = await services.GetRequiredService<AwardAdminService>()
                .RecordAgreementAsync(new ActingUser(adminId, IsAdmin: true), award.AwardId, today, new UploadedFile("convenio.pdf", new MemoryStream(Pdf)));
            Assert.True(recorded.Succeeded, recorded.Outcome.ToString());
            await services.GetRequiredService<ExecutionSweepService>().SweepAsync();
        }

        await Expect(group.GetByTestId("tranche-1")).ToContainTextAsync("Listo para pago");
    }
}

/// <summary>A group's open profile page shows, without a reload, the eligibility decision an Admin makes meanwhile.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class GroupProfilePageFollowJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task The_groups_profile_page_shows_a_new_eligibility_decision()
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        int profileId;
        Guid version;
        string adminId;
        List<ChecklistAnswer> answers;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var groupId = await (from g in db.ProducerGroups
                                 join u in db.Users on g.RepresentativeUserId equals u.Id
                                 where u.Email == "grupo5@demo.hakuwinay.pe"
                                 select g.Id).SingleAsync();
            var profile = await db.BusinessProfiles.Where(p => p.ProducerGroupId == groupId && p.Status == ProfileStatus.Eligible).SingleAsync();
            (profileId, version) = (profile.Id, profile.Version);
            adminId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
            answers = await db.Contests.Where(c => c.Id == profile.ContestId).SelectMany(c => c.EligibilityChecklist)
                .Select(i => new ChecklistAnswer(i.Id, false)).ToListAsync();
        }
        var page = await OpenPageAsync(Devices.Phone);
        await SignInAsync(page, "grupo5@demo.hakuwinay.pe", "/producer");
        await page.GotoAsync($"/profiles/{profileId}");
        await Expect(page.GetByTestId("profile-header")).ToContainTextAsync("Elegible");
        await Expect(page.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);

        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var decided = await scope.ServiceProvider.GetRequiredService<EligibilityService>()
                .DecideAsync(adminId, profileId, version, false, "Revisado de nuevo: falta el acta de la asamblea.", answers);
            Assert.True(decided.Succeeded, decided.Outcome + " " + string.Join(", ", decided.Violations.Select(v => v.Rule)));
        }

        await Expect(page.GetByTestId("profile-header")).ToContainTextAsync("No elegible");
        await Expect(page.GetByTestId("eligibility-decision")).ToContainTextAsync("falta el acta de la asamblea");
    }
}
