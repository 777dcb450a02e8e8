using Bunit;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Submissions;

public sealed class SubmissionsPageTests : ComponentTestBase
{
    public SubmissionsPageTests()
    {
        // QuickGrid loads a small JS module for its column menus; the grid's data does not depend on it.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddScoped<SubmissionQueries>();
        Services.AddScoped<EligibilityService>();
    }

    [Fact]
    public async Task Another_admins_eligibility_decision_shows_in_the_open_list()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var contest = await Database.AddOpenContestAsync("T-LISTA", Now);
        var group = await Database.AddGroupAsync("Grupo Uno", "050101", null, 3);
        BusinessProfile profile;
        await using (var db = Database.CreateDbContext())
        {
            var tracked = db.Contests.Single(c => c.Id == contest.Id);
            profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Now);
            profile.Submit(tracked.NextProfileCode(Now), Now);
            db.BusinessProfiles.Add(profile);
            await db.SaveChangesAsync();
        }
        SignInAs(admin.Id, "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<SubmissionsPage>(p => p.Add(c => c.ContestId, contest.Id));
        cut.WaitForAssertion(() => Assert.Contains("Enviado", cut.Find("[data-testid=submissions-grid]").TextContent, StringComparison.Ordinal));

        List<ChecklistAnswer> answers;
        Guid version;
        await using (var db = Database.CreateDbContext())
        {
            answers = await db.Contests.Where(c => c.Id == contest.Id).SelectMany(c => c.EligibilityChecklist).Select(i => new ChecklistAnswer(i.Id, true)).ToListAsync();
            version = await db.BusinessProfiles.Where(p => p.Id == profile.Id).Select(p => p.Version).SingleAsync();
        }
        var decided = await Services.GetRequiredService<EligibilityService>().DecideAsync(admin.Id, profile.Id, version, true, "Cumple", answers);
        Assert.True(decided.Succeeded, decided.Outcome.ToString());

        cut.WaitForAssertion(() => Assert.Contains("Elegible", cut.Find("[data-testid=submissions-grid]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Enviado", cut.Find("[data-testid=submissions-grid]").TextContent, StringComparison.Ordinal);
    }
}
