using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Judging.Live;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Judging.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Judging;

/// <summary>
/// The console, the projector, the juror's tablet and the follower update by themselves when the
/// contest notifier tells them of a change, and let go of their subscription when they go away.
/// </summary>
public sealed class LiveScreensTests : ComponentTestBase
{
    private readonly ContestEvents _events = new(NullLogger<ContestEvents>.Instance);
    private ActingUser _admin = null!;
    private int _contestId;
    private int _stageId;
    private string[] _jurors = [];

    public LiveScreensTests()
    {
        Services.AddSingleton(_events);
        Services.AddSingleton<IContestEvents>(_events);
        Services.AddScoped<LiveSessionService>();
        Services.AddScoped<LiveSessionQueries>();
        Services.AddScoped<AssignmentService>();
        Services.AddScoped<ConflictService>();
    }

    private LiveSessionService Sessions => Services.GetRequiredService<LiveSessionService>();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>A contest with two eligible profiles and three jurors on its public stage, each scoring both.</summary>
    private async Task SeedAsync()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        _admin = new ActingUser(admin.Id, IsAdmin: true);
        _jurors = [(await Database.AddUserAsync("ana@t.pe", Roles.Juror)).Id, (await Database.AddUserAsync("beto@t.pe", Roles.Juror)).Id, (await Database.AddUserAsync("ciro@t.pe", Roles.Juror)).Id];
        var contest = await Database.AddOpenContestAsync("T-VIVO", Now);
        _contestId = contest.Id;
        _stageId = contest.Stages.OrderBy(s => s.Order).Last().Id;
        var groups = new[] { await Database.AddGroupAsync("Grupo Uno", "050101", null, 3), await Database.AddGroupAsync("Grupo Dos", "050102", null, 3) };
        await using (var db = Database.CreateDbContext())
        {
            var tracked = db.Contests.Single(c => c.Id == contest.Id);
            foreach (var group in groups)
            {
                var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Now);
                profile.WriteSection(ProfileSection.Title, "Cuyes de " + group.Name, Now);
                profile.Submit(tracked.NextProfileCode(Now), Now);
                profile.DecideEligibility(true, "Cumple", admin.Id, Now);
                db.BusinessProfiles.Add(profile);
            }
            await db.SaveChangesAsync();
        }
        var conflicts = Services.GetRequiredService<ConflictService>();
        await using (var db = Database.CreateDbContext())
        {
            foreach (var juror in _jurors)
            {
                db.JurorAppointments.Add(new JurorAppointment(_contestId, _stageId, juror, admin.Id, Now));
            }
            await db.SaveChangesAsync();
        }
        foreach (var juror in _jurors)
        {
            await conflicts.ConfirmAsync(juror, _contestId);
        }
        Assert.True((await Services.GetRequiredService<AssignmentService>().RunAsync(_admin, _stageId, 3)).Succeeded);
    }

    private async Task<LiveSession> DrawAsync() => (await Sessions.DrawAsync(_admin, _stageId, 77, 10, null)).Value!;

    private async Task<LiveSession> ApplyAsync(LiveSession session, LiveCommand command)
    {
        var applied = await Sessions.ApplyAsync(_admin, session.Id, session.Version, command);
        Assert.True(applied.Succeeded, applied.Outcome.ToString());
        return applied.Value!;
    }

    private async Task<string> CodeOfAsync(int profileId)
    {
        await using var db = Database.CreateDbContext();
        return (await db.BusinessProfiles.SingleAsync(p => p.Id == profileId)).Code!;
    }

    private async Task<int> ScorecardOfAsync(string juror, int profileId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Scorecards.Where(s => s.ContestStageId == _stageId && s.BusinessProfileId == profileId && s.JurorUserId == juror).Select(s => s.Id).SingleAsync();
    }

    /// <summary>A juror submits full points, then the notifier tells the screens, as the scoring service does.</summary>
    private async Task SubmitAsync(int scorecardId)
    {
        await using (var db = Database.CreateDbContext())
        {
            var scorecard = await db.Scorecards.Include(s => s.Points).SingleAsync(s => s.Id == scorecardId);
            var design = (await StageDesign.LoadAsync(db, _stageId, default))!;
            scorecard.Record(design.ToRecord(design.Criteria.Select(c => new CriterionPoints(c.Code, c.MaxPoints))), null, Now);
            scorecard.Submit(Now);
            await db.SaveChangesAsync();
        }
        _events.Publish(new ContestEvent(_contestId, ContestChange.ScorecardSubmitted, _stageId, null, scorecardId));
    }

    [Fact]
    public async Task The_console_draws_the_order_and_follows_the_session_and_the_jurors_submissions()
    {
        await SeedAsync();
        SignInAs(_admin.UserId, "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<LiveConsolePage>(p => p.Add(c => c.ContestId, _contestId));
        cut.WaitForElement("[data-testid=draw-form]");

        cut.Find("#live-seed").Change("77");
        cut.Find("[data-testid=draw-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=order-item]").Count));
        Assert.Contains("Semilla 77", cut.Find("[data-testid=draw-record]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=advance]").Click();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=juror-row]").Count));
        var session = (await Services.GetRequiredService<LiveSessionQueries>().ConsoleAsync(_contestId, _stageId))!.Session!;
        var scorecard = await ScorecardOfAsync(_jurors[1], session.CurrentProfileId!.Value);

        await SubmitAsync(scorecard);

        cut.WaitForAssertion(() => Assert.Contains("1 de 3 enviadas", cut.Find("[data-testid=juror-progress]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Persona beto", cut.FindAll("[data-testid=juror-row]").Single(r => r.TextContent.Contains('✓')).TextContent, StringComparison.Ordinal);
        // Another admin's "next" shows here without a reload.
        await ApplyAsync(session, LiveCommand.Advance);
        cut.WaitForAssertion(() => Assert.Contains("Presenta 2 de 2", cut.Find("[data-testid=current-presenter]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_console_lists_jurors_only_while_someone_presents_not_before_the_start_or_after_the_end()
    {
        await SeedAsync();
        var session = await DrawAsync();
        SignInAs(_admin.UserId, "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<LiveConsolePage>(p => p.Add(c => c.ContestId, _contestId));
        cut.WaitForElement("[data-testid=advance]");
        Assert.Empty(cut.FindAll("[data-testid=juror-progress]"));

        session = await ApplyAsync(session, LiveCommand.Advance);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=juror-row]").Count));
        await ApplyAsync(session, LiveCommand.End);

        cut.WaitForAssertion(() => Assert.Equal("Sesión terminada", cut.Find("[data-testid=phase]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=juror-progress]"));
        Assert.DoesNotContain("no tiene jurados asignados", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_draw_input_gets_a_message_next_to_its_field_and_draws_nothing()
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        var contest = await Database.AddOpenContestAsync("T-VACIO", Now);
        SignInAs(admin.Id, "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<LiveConsolePage>(p => p.Add(c => c.ContestId, contest.Id));
        cut.WaitForElement("[data-testid=draw-form]");

        cut.Find("#live-minutes").Change("0");
        cut.Find("[data-testid=draw-form] form").Submit();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=draw-form] div.text-danger")));
        cut.Find("#live-minutes").Change("10");
        cut.Find("[data-testid=draw-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("El concurso no tiene perfiles aptos para sortear.", cut.Find("[data-testid=draw-form]").TextContent, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.LiveSessions.AnyAsync());
    }

    [Fact]
    public async Task The_console_changes_the_presentation_minutes_and_refuses_a_time_out_of_range()
    {
        await SeedAsync();
        await ApplyAsync(await DrawAsync(), LiveCommand.Advance);
        SignInAs(_admin.UserId, "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<LiveConsolePage>(p => p.Add(c => c.ContestId, _contestId));
        cut.WaitForElement("[data-testid=minutes-form]");

        cut.Find("#live-session-minutes").Change("500");
        cut.Find("[data-testid=minutes-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("de 1 a 120", cut.Find("[data-testid=minutes-error]").TextContent, StringComparison.Ordinal));
        cut.Find("#live-session-minutes").Change("7");
        cut.Find("[data-testid=minutes-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("07:00", cut.Find("[data-testid=countdown]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(7, (await db.LiveSessions.SingleAsync()).PresentationMinutes);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "live.minutes"));
    }

    [Fact]
    public async Task Disposing_a_live_screen_removes_its_subscription()
    {
        await SeedAsync();
        SignInAs(_admin.UserId, "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        Render<LiveConsolePage>(p => p.Add(c => c.ContestId, _contestId));
        Render<ProjectorPage>(p => p.Add(c => c.ContestId, _contestId));
        Assert.Equal(2, _events.SubscriptionCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, _events.SubscriptionCount);
    }

    [Fact]
    public async Task The_projector_follows_the_console_shows_numbered_jurors_without_names_and_the_score_once_revealed()
    {
        await SeedAsync();
        var session = await DrawAsync();
        SignInAs("tecnico", "tecnico@t.pe", Roles.Technician);
        RenderAsLiveCircuit();
        var cut = Render<ProjectorPage>(p => p.Add(c => c.ContestId, _contestId));
        cut.WaitForElement("[data-testid=projector-waiting]");

        session = await ApplyAsync(session, LiveCommand.Advance);
        var code = await CodeOfAsync(session.CurrentProfileId!.Value);

        cut.WaitForAssertion(() => Assert.Contains(code, cut.Find("[data-testid=projector-current]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["Jurado 1 …", "Jurado 2 …", "Jurado 3 …"], cut.FindAll("[data-testid=slot]").Select(s => s.TextContent.Trim()));
        await SubmitAsync(await ScorecardOfAsync(_jurors[0], session.CurrentProfileId!.Value));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=slot]"), s => s.TextContent.Contains('✓')));
        Assert.Empty(cut.FindAll("[data-testid=revealed-score]"));

        await ApplyAsync(session, LiveCommand.Reveal);

        cut.WaitForAssertion(() => Assert.Contains("100.00", cut.Find("[data-testid=revealed-score]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Persona", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("@t.pe", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jurors_tablet_waits_then_opens_the_scorecard_of_the_presenter_by_itself()
    {
        await SeedAsync();
        var session = await DrawAsync();
        SignInAs(_jurors[2], "ciro@t.pe", Roles.Juror);
        RenderAsLiveCircuit();
        var cut = Render<JurorLivePage>(p => p.Add(c => c.ContestId, _contestId));
        cut.WaitForElement("[data-testid=live-waiting]");

        session = await ApplyAsync(session, LiveCommand.Advance);
        var scorecard = await ScorecardOfAsync(_jurors[2], session.CurrentProfileId!.Value);

        cut.WaitForAssertion(() => Assert.EndsWith($"/juror/scorecards/{scorecard}?live=1", Navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_follower_moves_the_juror_to_the_next_scorecard_and_back_to_the_live_page_when_the_session_ends()
    {
        await SeedAsync();
        var session = await ApplyAsync(await DrawAsync(), LiveCommand.Advance);
        var first = await ScorecardOfAsync(_jurors[0], session.CurrentProfileId!.Value);
        SignInAs(_jurors[0], "ana@t.pe", Roles.Juror);
        RenderAsLiveCircuit();
        var cut = Render<LiveSessionFollower>(p => p.Add(c => c.ContestId, _contestId).Add(c => c.ScorecardId, first));
        var code = await CodeOfAsync(session.CurrentProfileId!.Value);
        cut.WaitForAssertion(() => Assert.Contains(code, cut.Find("[data-testid=live-follower]").TextContent, StringComparison.Ordinal));
        var startUri = Navigation.Uri;

        session = await ApplyAsync(session, LiveCommand.Advance);
        var second = await ScorecardOfAsync(_jurors[0], session.CurrentProfileId!.Value);

        cut.WaitForAssertion(() => Assert.EndsWith($"/juror/scorecards/{second}?live=1", Navigation.Uri, StringComparison.Ordinal));
        Assert.NotEqual(startUri, Navigation.Uri);
        await ApplyAsync(session, LiveCommand.End);
        cut.WaitForAssertion(() => Assert.EndsWith($"/juror/contests/{_contestId}/live", Navigation.Uri, StringComparison.Ordinal));
    }
}
