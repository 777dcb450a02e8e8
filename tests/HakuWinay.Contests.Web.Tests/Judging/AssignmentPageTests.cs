using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Judging;
using HakuWinay.Contests.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>The Admin's matrix: loads per juror, the state of each cell, conflicts marked, gaps flagged.</summary>
public sealed class AssignmentPageTests : ComponentTestBase
{
    public AssignmentPageTests()
    {
        Services.AddScoped<AssignmentService>();
        Services.AddScoped<JurorService>();
        Services.AddScoped<ConflictService>();
        Services.AddSingleton<IPasswordSetupLinks, NoLinks>();
    }

    [Fact]
    public async Task The_matrix_shows_each_jurors_load_and_marks_conflicts_and_gaps()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var ana = await Database.AddUserAsync("ana@t.pe", Roles.Juror);
        var beto = await Database.AddUserAsync("beto@t.pe", Roles.Juror);
        var contest = await Database.AddOpenContestAsync("T-ASIG", Now);
        var groups = new[] { await Database.AddGroupAsync("Grupo Uno", "050101", null, 3), await Database.AddGroupAsync("Grupo Dos", "050102", null, 3) };
        await using (var db = Database.CreateDbContext())
        {
            var tracked = db.Contests.Single(c => c.Id == contest.Id);
            foreach (var group in groups)
            {
                var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Now);
                profile.Submit(tracked.NextProfileCode(Now), Now);
                profile.DecideEligibility(true, "Cumple", admin.Id, Now);
                db.BusinessProfiles.Add(profile);
            }
            await db.SaveChangesAsync();
        }
        var acting = new ActingUser(admin.Id, IsAdmin: true);
        var stage = contest.Stages.OrderBy(s => s.Order).First();
        var jurors = Services.GetRequiredService<JurorService>();
        await jurors.AppointAsync(acting, stage.Id, ana.Id);
        await jurors.AppointAsync(acting, stage.Id, beto.Id);
        await Services.GetRequiredService<ConflictService>().RecordAsync(acting, contest.Id, ana.Id, groups[0].Id, ConflictKind.Kinship, null);
        await Services.GetRequiredService<AssignmentService>().RunAsync(acting, stage.Id, 11);
        SignInAs(admin.Id, admin.Email!, Roles.Admin);

        RenderAsStaticPage();
        var cut = Render<AssignmentPage>(parameters => parameters.Add(p => p.Id, contest.Id));

        cut.WaitForElement("[data-testid=assignment-matrix] table");
        var rows = cut.FindAll("[data-testid=assignment-matrix] tbody tr");
        Assert.Equal(2, rows.Count);
        // Three jurors per profile, two appointed, Ana conflicted with group one: 1 of 3 and 2 of 3.
        Assert.Contains("1 / 3", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("conflicto", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 / 3", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "2"], cut.FindAll("[data-testid=load]").Select(c => c.TextContent).Order());
        Assert.Contains("11", cut.Find("[data-testid=last-seed]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_automatic_assignment_shows_the_new_matrix_beside_its_outcome()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var jurors = new[] { await Database.AddUserAsync("ana@t.pe", Roles.Juror), await Database.AddUserAsync("beto@t.pe", Roles.Juror) };
        var contest = await Database.AddOpenContestAsync("T-AUTO", Now);
        await Database.AddEligibleProfilesAsync(contest, admin.Id, Now,
            await Database.AddGroupAsync("Grupo Uno", "050101", null, 3), await Database.AddGroupAsync("Grupo Dos", "050102", null, 3));
        var stage = contest.Stages.OrderBy(s => s.Order).First();
        foreach (var juror in jurors)
        {
            await Services.GetRequiredService<JurorService>().AppointAsync(new ActingUser(admin.Id, IsAdmin: true), stage.Id, juror.Id);
        }
        SignInAs(admin.Id, admin.Email!, Roles.Admin);
        RenderAsStaticPage();
        var cut = Render<AssignmentPage>(parameters => parameters.Add(p => p.Id, contest.Id));
        cut.WaitForElement("[data-testid=assignment-matrix] table");
        Assert.All(cut.FindAll("[data-testid=assignment-matrix] tbody tr"), row => Assert.Contains("0 / 3", row.TextContent, StringComparison.Ordinal));

        cut.Find("#assignment-seed").Change("5");
        cut.Find("[data-testid=run-assignment] form").Submit();

        cut.WaitForElement("[data-testid=run-outcome]");
        // The same render: both profiles now have both jurors, each juror two profiles, and the seed used.
        Assert.All(cut.FindAll("[data-testid=assignment-matrix] tbody tr"), row => Assert.Contains("2 / 3", row.TextContent, StringComparison.Ordinal));
        Assert.Equal(["2", "2"], cut.FindAll("[data-testid=load]").Select(c => c.TextContent));
        Assert.Contains("5", cut.Find("[data-testid=last-seed]").TextContent, StringComparison.Ordinal);
    }

    private sealed class NoLinks : IPasswordSetupLinks
    {
        public Task<string> CreateAsync(AppUser user, CancellationToken ct = default) => Task.FromResult("https://portal.test/link");
    }
}
