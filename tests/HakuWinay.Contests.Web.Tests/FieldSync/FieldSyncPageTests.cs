using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.FieldSync;
using HakuWinay.Contests.Web.Tests.Components;
using HakuWinay.Contests.Web.Tests.Judging;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.FieldSync;

/// <summary>The Administrator's field-sync page follows the devices' sends live: a refusal answered meanwhile shows on the open page, without a reload.</summary>
public sealed class FieldSyncPageTests : PortalComponentTestBase
{
    [Fact]
    public async Task FieldSyncPage_shows_a_device_item_refused_meanwhile_on_the_same_render()
    {
        var profile = await DemoProfiles.CreateAsync(Portal, DemoProfiles.GroupA, submit: true);
        var scorecardId = await DemoScorecards.AssignAsync(Portal, profile.Id, "jurado1@demo.hakuwinay.pe");
        var factory = Service<IDbContextFactory<ContestsDbContext>>();
        var adminId = await DemoScorecards.UserIdAsync(factory, "admin@demo.hakuwinay.pe");
        var jurorId = await DemoScorecards.UserIdAsync(factory, "jurado1@demo.hakuwinay.pe");
        Guid version;
        int contestId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            version = await db.Scorecards.Where(s => s.Id == scorecardId).Select(s => s.Version).SingleAsync();
            contestId = await db.BusinessProfiles.Where(p => p.Id == profile.Id).Select(p => p.ContestId).SingleAsync();
        }
        SignInAs(adminId, "admin@demo.hakuwinay.pe", Roles.Admin);
        var cut = Render<FieldSyncPage>(p => p.Add(c => c.ContestId, contestId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=field-sync-none]")));

        // Sent from a juror's device in another request: no points at all, so the online rules refuse it.
        var answer = await Service<FieldSyncService>().SubmitScorecardAsync(new ActingUser(jurorId), Guid.NewGuid(),
            new OfflineScorecard(scorecardId, version, [], null, null));

        Assert.Equal(DeviceSubmissionState.Refused, answer.Value!.State);
        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=field-sync-row]");
            Assert.Equal(scorecardId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-scorecard"));
            Assert.Contains(profile.Code!, row.TextContent, StringComparison.Ordinal);
        });
        Assert.Empty(cut.FindAll("[data-testid=field-sync-none]"));
    }
}
