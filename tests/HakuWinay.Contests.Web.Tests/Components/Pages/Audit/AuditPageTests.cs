using Bunit;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Web.Components.Pages.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Audit;

public sealed class AuditPageTests : ComponentTestBase
{
    // QuickGrid loads a small JS module for its column menus; the grid's data does not depend on it.
    public AuditPageTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<ContestAuditPage> cut) =>
        cut.FindAll("[data-testid=audit-grid] tbody tr").Where(r => r.TextContent.Contains("profile.", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task The_contest_audit_log_shows_who_when_in_lima_and_before_and_after_a_page_at_a_time()
    {
        Services.AddScoped<AuditQueries>();
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var contest = await Database.AddOpenContestAsync("T-09", Now);
        var at = new DateTime(2026, 11, 23, 14, 5, 0, DateTimeKind.Utc);
        await using (var db = Database.CreateDbContext())
        {
            for (var i = 0; i < 30; i++)
            {
                db.AuditLog.Add(AuditEntry.Record(at.AddMinutes(i), admin.Id, "profile.withdrawn", "BusinessProfile", $"T-09-{i:000}", contest.Id, null,
                    before: new { Status = "Submitted" }, after: new { Status = "Withdrawn", Reason = $"motivo {i}" }));
            }
            await db.SaveChangesAsync();
        }
        SignInAs(admin.Id, admin.Email!, Roles.Admin);

        var cut = Render<ContestAuditPage>(p => p.Add(x => x.Id, contest.Id));

        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count));
        var newest = Rows(cut)[0].TextContent;
        Assert.Contains("23/11/2026 09:34", newest);
        Assert.Contains("admin@t.pe", newest);
        Assert.Contains("T-09-029", newest);
        Assert.Contains("\"status\":\"Submitted\"", newest);
        Assert.Contains("motivo 29", newest);
        cut.Find("[data-testid=pager-next]").Click();
        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut).Count));
    }
}
