using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Judging.Evaluation;
using HakuWinay.Contests.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>The evaluation page shows each juror's total, the spread and the flag for discussion.</summary>
public sealed class EvaluationPageTests : ComponentTestBase
{
    public EvaluationPageTests()
    {
        Services.AddScoped<EvaluationQueries>();
        Services.AddScoped<ScoringScheduleService>();
        Services.AddScoped<PaperSheetService>();
        Services.AddScoped<AssignmentService>();
        Services.AddScoped<JurorService>();
        Services.AddSingleton<IContestEvents>(new ContestEvents(NullLogger<ContestEvents>.Instance));
        Services.AddSingleton<IPasswordSetupLinks, NoLinks>();
    }

    [Fact]
    public async Task Jurors_far_apart_put_the_profile_up_for_discussion_with_its_range_and_deviation()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var ana = await Database.AddUserAsync("ana@t.pe", Roles.Juror);
        var beto = await Database.AddUserAsync("beto@t.pe", Roles.Juror);
        var contest = await Database.AddOpenContestAsync("T-EVAL", Now);
        var group = await Database.AddGroupAsync("Grupo Uno", "050101", null, 3);
        await using (var db = Database.CreateDbContext())
        {
            var tracked = db.Contests.Single(c => c.Id == contest.Id);
            var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Now);
            profile.Submit(tracked.NextProfileCode(Now), Now);
            profile.DecideEligibility(true, "Cumple", admin.Id, Now);
            db.BusinessProfiles.Add(profile);
            await db.SaveChangesAsync();
        }
        var acting = new ActingUser(admin.Id, IsAdmin: true);
        var stage = contest.Stages.OrderBy(s => s.Order).First();
        foreach (var juror in new[] { ana, beto })
        {
            await Services.GetRequiredService<JurorService>().AppointAsync(acting, stage.Id, juror.Id);
        }
        await Services.GetRequiredService<AssignmentService>().RunAsync(acting, stage.Id, 3);
        var paper = Services.GetRequiredService<PaperSheetService>();
        var sheets = (await paper.BlankSheetsAsync(contest.Id, stage.Id, null, null))!;
        foreach (var sheet in sheets.Sheets)
        {
            // The template's maxima equal its weights: Ana gives every maximum (100), Beto nothing (0).
            var full = sheet.JurorUserId == ana.Id;
            var entry = (await paper.EntryAsync(sheet.ScorecardId))!;
            var entered = await paper.EnterAsync(acting, sheet.ScorecardId, entry.Version,
                [.. sheets.Criteria.Select(c => new CriterionPoints(c.Code, full ? c.MaxPoints : 0m))], null);
            Assert.True(entered.Succeeded, entered.Outcome.ToString());
        }
        SignInAs(admin.Id, admin.Email!, Roles.Admin);
        RenderAsStaticPage();

        var cut = Render<EvaluationPage>(p => p.Add(x => x.ContestId, contest.Id));

        cut.WaitForElement("[data-testid=profile-row]");
        Assert.Equal("Fichas enviadas: 2 de 2", cut.Find("[data-testid=stage-progress]").TextContent);
        Assert.Equal(["0", "100"], cut.FindAll("[data-testid=total]").Select(t => t.TextContent).Order(StringComparer.Ordinal));
        Assert.Equal("100", cut.Find("[data-testid=range]").TextContent);
        Assert.Equal("50", cut.Find("[data-testid=stddev]").TextContent);
        Assert.Equal("para discusión", cut.Find("[data-testid=for-discussion]").TextContent);
        Assert.Contains("1 perfiles con una diferencia mayor que 15 puntos", cut.Find("[data-testid=flagged-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["1 / 1", "1 / 1"], cut.FindAll("[data-testid=juror-submitted]").Select(t => t.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=enter-paper]"));
    }

    [Fact]
    public async Task A_scorecard_submitted_elsewhere_shows_in_the_open_pages_progress()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var ana = await Database.AddUserAsync("ana@t.pe", Roles.Juror);
        var contest = await Database.AddOpenContestAsync("T-EVAL-VIVO", Now);
        await Database.AddEligibleProfilesAsync(contest, admin.Id, Now, await Database.AddGroupAsync("Grupo Uno", "050101", null, 3));
        var acting = new ActingUser(admin.Id, IsAdmin: true);
        var stage = contest.Stages.OrderBy(s => s.Order).First();
        await Services.GetRequiredService<JurorService>().AppointAsync(acting, stage.Id, ana.Id);
        await Services.GetRequiredService<AssignmentService>().RunAsync(acting, stage.Id, 3);
        SignInAs(admin.Id, admin.Email!, Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<EvaluationPage>(p => p.Add(x => x.ContestId, contest.Id));
        cut.WaitForAssertion(() => Assert.Equal("Fichas enviadas: 0 de 1", cut.Find("[data-testid=stage-progress]").TextContent));

        // Another Admin enters Ana's paper sheet: this open page follows.
        var paper = Services.GetRequiredService<PaperSheetService>();
        var sheets = (await paper.BlankSheetsAsync(contest.Id, stage.Id, null, null))!;
        var sheet = Assert.Single(sheets.Sheets);
        var entry = (await paper.EntryAsync(sheet.ScorecardId))!;
        var entered = await paper.EnterAsync(acting, sheet.ScorecardId, entry.Version, [.. sheets.Criteria.Select(c => new CriterionPoints(c.Code, c.MaxPoints))], null);
        Assert.True(entered.Succeeded, entered.Outcome.ToString());

        cut.WaitForAssertion(() => Assert.Equal("Fichas enviadas: 1 de 1", cut.Find("[data-testid=stage-progress]").TextContent));
        Assert.Equal(["1 / 1"], cut.FindAll("[data-testid=juror-submitted]").Select(t => t.TextContent));
    }

    private sealed class NoLinks : IPasswordSetupLinks
    {
        public Task<string> CreateAsync(AppUser user, CancellationToken ct = default) => Task.FromResult("https://portal.test/link");
    }
}
