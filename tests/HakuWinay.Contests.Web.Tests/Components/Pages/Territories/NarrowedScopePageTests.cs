using Bunit;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Components.Pages.Disbursements;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Territories;

/// <summary>
/// A page opened while the record was in the administrator's scope stays open after a national
/// administrator narrows that scope: its next action reaches the service, which refuses it with the
/// territory's message on the same render, and nothing changes (ADR 033).
/// </summary>
public sealed class NarrowedScopePageTests : PortalComponentTestBase
{
    private const string Email = "ut.apurimac@demo.hakuwinay.pe";

    [Fact]
    public async Task An_award_page_left_open_after_the_scope_was_narrowed_refuses_the_next_action_with_the_message()
    {
        var award = (await AwardedDemo.PublishAsync(Portal))[0];
        var factory = Service<IDbContextFactory<ContestsDbContext>>();
        string userId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            userId = await db.Users.Where(u => u.Email == Email).Select(u => u.Id).SingleAsync();
        }
        var techniciansBefore = await TechniciansAsync(factory, award.AwardId);
        await StaffScopeRows.SetAsync(factory, userId, "05");
        SignInAs(userId, Email, Roles.Admin);
        var cut = Render<AwardPage>(p => p.Add(c => c.AwardId, award.AwardId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=visit-assign]")));

        // A national administrator gives the account Apurímac instead of Ayacucho; this tab is still open.
        await StaffScopeRows.SetAsync(factory, userId, "03");
        cut.Find("[data-testid=visit-technician]").Change("");
        await cut.FindAll("[data-testid=visit-assign]")[0].ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("fuera de su ámbito territorial", cut.Find("[data-testid=visit-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(techniciansBefore, await TechniciansAsync(factory, award.AwardId));
    }

    private static async Task<List<string?>> TechniciansAsync(IDbContextFactory<ContestsDbContext> factory, int awardId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AwardVisits.Where(v => v.AwardId == awardId).OrderBy(v => v.Id).Select(v => v.TechnicianUserId).ToListAsync();
    }
}
