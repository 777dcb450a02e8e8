using Bunit;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Components.Pages.Results.Admin;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Results;

/// <summary>The Admin's results page after publishing shows the published state, not a blocker to fix.</summary>
public sealed class ResultsAdminPageFreshnessTests : PortalComponentTestBase
{
    [Fact]
    public async Task After_publishing_the_page_shows_the_version_and_no_contest_not_ready_blocker()
    {
        await RankableDemo.MakeRankableAsync(Portal);
        int contestId;
        string adminId;
        await using (var db = await Service<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync())
        {
            contestId = await db.Contests.Where(c => c.Code == RankableDemo.ContestCode).Select(c => c.Id).SingleAsync();
            adminId = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
        }
        SignInAs(adminId, AwardedDemo.AdminEmail, Roles.Admin);
        var cut = Render<ResultsAdminPage>(p => p.Add(c => c.ContestId, contestId));
        cut.WaitForElement("[data-testid=no-blockers]");

        cut.Find("[data-testid=publish-panel] [data-testid=transition]").Click();
        cut.Find("[data-testid=publish-panel] [data-testid=confirm-yes]").Click();

        cut.WaitForElement("[data-testid=published]");
        cut.WaitForElement("[data-testid=blockers-frozen]");
        Assert.Empty(cut.FindAll("[data-testid=blocker]"));
        Assert.NotNull(cut.Find("[data-testid=open-correction]"));
        Assert.Single(cut.FindAll("[data-testid=versions] [data-testid=version]"));
    }
}
