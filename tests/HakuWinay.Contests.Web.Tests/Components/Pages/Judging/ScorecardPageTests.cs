using Bunit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Web.Components.Pages.Judging.Scoring;
using HakuWinay.Contests.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Judging;

/// <summary>The juror's scorecard page on real services: autosave, errors next to fields, confirmation, locked after submit.</summary>
public sealed class ScorecardPageTests : ComponentTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));
    private int _scorecardId;
    private string _jurorId = "";
    private string[] _codes = [];

    private async Task AssignAsync()
    {
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton<IContestEvents, NoEvents>();
        Services.AddSingleton<IScoringLinks, Links>();
        Services.AddScoped<ScoringService>();
        var juror = await Database.AddUserAsync("jurado@t.pe", Roles.Juror);
        var contest = await Database.AddOpenContestAsync("T-01", Now);
        var group = await Database.AddGroupAsync("Grupo de cuyes", "050101", null, 4);
        await using var db = Database.CreateDbContext();
        var stored = await db.Contests.Include(c => c.Categories).Include(c => c.Stages).ThenInclude(s => s.Criteria).SingleAsync(c => c.Id == contest.Id);
        var stage = stored.Stages.OrderBy(s => s.Order).First();
        var profile = new BusinessProfile(contest.Id, stored.Categories[0].Id, group.Id, Now);
        profile.WriteSection(ProfileSection.Title, "Cuyes para Huamanga", Now);
        profile.Submit(stored.NextProfileCode(Now), Now);
        profile.DecideEligibility(true, "Cumple", "admin", Now);
        db.BusinessProfiles.Add(profile);
        db.JurorAppointments.Add(new JurorAppointment(contest.Id, stage.Id, juror.Id, "admin", Now));
        db.ConflictDeclarations.Add(new ConflictDeclaration(contest.Id, juror.Id, Now));
        await db.SaveChangesAsync();
        var scorecard = new Scorecard(stage.Id, profile.Id, juror.Id, "admin", Now);
        db.Scorecards.Add(scorecard);
        await db.SaveChangesAsync();
        (_scorecardId, _jurorId) = (scorecard.Id, juror.Id);
        _codes = stage.Criteria.OrderBy(c => c.Order).Select(c => c.Code).ToArray();
        SignInAs(juror.Id, juror.Email!, Roles.Juror);
    }

    private IRenderedComponent<ScorecardPage> RenderPage()
    {
        RenderAsLiveCircuit();
        var cut = Render<ScorecardPage>(p => p.Add(x => x.ScorecardId, _scorecardId));
        cut.WaitForElement("[data-testid=scorecard-profile]");
        return cut;
    }

    private Scorecard Saved()
    {
        using var db = Database.CreateDbContext();
        return db.Scorecards.Include(s => s.Points).Single(s => s.Id == _scorecardId);
    }

    private static AngleSharp.Dom.IElement Criterion<T>(IRenderedComponent<T> cut, string code)
        where T : IComponent => cut.Find($"[data-testid=criterion][data-code={code}]");

    [Fact]
    public async Task Before_the_circuit_is_live_the_scorecard_inputs_are_disabled()
    {
        await AssignAsync();
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<ScorecardPage>(p => p.Add(x => x.ScorecardId, _scorecardId));

        Assert.True(cut.Find("[data-testid=scorecard-fieldset]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Changing_points_saves_the_draft_at_once_and_says_so()
    {
        await AssignAsync();
        var cut = RenderPage();

        Criterion(cut, _codes[0]).QuerySelector("[data-testid=points]")!.Change("7");

        cut.WaitForAssertion(() => Assert.Equal(7m, Saved().Points.Single(p => p.Points is not null).Points));
        Assert.Equal(ScorecardStatus.Draft, Saved().Status);
        cut.WaitForAssertion(() => Assert.Equal("Saved", cut.Find("[data-testid=save-indicator]").GetAttribute("data-state")));
        cut.Find("#overall-comment").Change("Buen trabajo en equipo");
        cut.WaitForAssertion(() => Assert.Equal("Buen trabajo en equipo", Saved().OverallComment));
    }

    [Fact]
    public async Task The_field_scorecard_records_attendance_and_shows_the_share_at_once()
    {
        await AssignAsync();
        var cut = RenderPage();
        var boxes = cut.FindAll("[data-testid=present]");
        Assert.Equal(4, boxes.Count);
        Assert.Equal("Asistencia aún no registrada.", cut.Find("[data-testid=attendance-share]").TextContent.Trim());

        var first = boxes[0].GetAttribute("data-dni")!;
        boxes[0].Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Presentes: 1 de 4 familias socias (25 %)", cut.Find("[data-testid=attendance-share]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Menos del 50 % exigido", cut.Find("[data-testid=attendance-below]").TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(first, Saved().PresentDnis));

        var second = cut.FindAll("[data-testid=present]")[1];
        var secondDni = second.GetAttribute("data-dni")!;
        second.Change(true);

        cut.WaitForAssertion(() => Assert.Contains("Presentes: 2 de 4 familias socias (50 %)", cut.Find("[data-testid=attendance-share]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=attendance-below]"));
        cut.WaitForAssertion(() => Assert.Equal(string.Join(',', new[] { first, secondDni }.Order(StringComparer.Ordinal)), Saved().PresentDnis));
    }

    [Fact]
    public async Task Nobody_present_is_recorded_on_purpose_and_differs_from_not_recorded()
    {
        await AssignAsync();
        var cut = RenderPage();
        Assert.Null(Saved().PresentDnis);

        cut.Find("[data-testid=nobody-present]").Click();

        cut.WaitForAssertion(() => Assert.Equal("", Saved().PresentDnis));
        Assert.Contains("Presentes: 0 de 4 familias socias (0 %)", cut.Find("[data-testid=attendance-share]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=attendance-below]"));
    }

    [Fact]
    public async Task An_attendance_with_a_dni_outside_the_group_is_refused_and_nothing_is_saved()
    {
        await AssignAsync();
        var scoring = Services.GetRequiredService<ScoringService>();
        var juror = new ActingUser(_jurorId);
        var view = (await scoring.OpenAsync(juror, _scorecardId)).Value!;
        var member = view.Members![0].Dni;

        var refused = await scoring.SaveDraftAsync(juror, _scorecardId, view.Version, [], null, [member, "12345678", "1234", member]);

        Assert.Equal(ServiceOutcome.Invalid, refused.Outcome);
        Assert.Equal(["Attendance.NotADni", "Attendance.NotAMember", "Attendance.Repeated"], refused.Violations.Select(v => v.Rule).Order(StringComparer.Ordinal));
        Assert.Null(Saved().PresentDnis);
        Assert.Equal(ScorecardStatus.NotStarted, Saved().Status);
    }

    /// <summary>The form as a resumed circuit renders it: with the draft its evicted circuit kept.</summary>
    private async Task<IRenderedComponent<ScorecardForm>> RenderResumedAsync(Func<ScorecardView, Guid> keptVersion, decimal keptPoints)
    {
        RenderAsLiveCircuit();
        var user = new ActingUser(_jurorId);
        var view = (await Services.GetRequiredService<ScoringService>().OpenAsync(user, _scorecardId)).Value!;
        var input = ScorecardInput.From(view);
        input.Criteria[0].Points = keptPoints;
        var kept = KeptDraft<ScorecardInput>.Of(user, _scorecardId, keptVersion(view), input);
        return Render<ScorecardForm>(p => p.Add(x => x.View, view).Add(x => x.User, user).Add(x => x.Kept, kept));
    }

    [Fact]
    public async Task A_resumed_draft_of_the_version_on_record_is_shown_and_saved_at_once()
    {
        await AssignAsync();

        var cut = await RenderResumedAsync(view => view.Version, keptPoints: 6);

        Assert.Equal("6", Criterion(cut, _codes[0]).QuerySelector("[data-testid=points]")!.GetAttribute("value"));
        cut.WaitForAssertion(() => Assert.Equal(6m, Saved().Points.Single(p => p.Points is not null).Points));
    }

    [Fact]
    public async Task A_resumed_draft_of_a_record_saved_meanwhile_is_shown_with_the_conflict_and_not_saved_over_it()
    {
        await AssignAsync();

        var cut = await RenderResumedAsync(_ => Guid.NewGuid(), keptPoints: 6);

        Assert.Equal("6", Criterion(cut, _codes[0]).QuerySelector("[data-testid=points]")!.GetAttribute("value"));
        cut.WaitForElement("[data-testid=draft-conflict]");
        Criterion(cut, _codes[0]).QuerySelector("[data-testid=points]")!.Change("8");
        cut.WaitForAssertion(() => Assert.Equal("Conflict", cut.Find("[data-testid=save-indicator]").GetAttribute("data-state")));
        Assert.Empty(Saved().Points);
    }

    [Fact]
    public async Task Points_above_the_maximum_are_refused_next_to_their_field_and_not_saved()
    {
        await AssignAsync();
        var cut = RenderPage();

        Criterion(cut, _codes[0]).QuerySelector("[data-testid=points]")!.Change("999");

        cut.WaitForAssertion(() => Assert.Contains("supera el máximo", Criterion(cut, _codes[0]).QuerySelector(".validation-message")!.TextContent));
        Assert.Empty(Saved().Points);
        Assert.Equal(ScorecardStatus.NotStarted, Saved().Status);
    }

    [Fact]
    public async Task Submitting_with_criteria_missing_shows_each_next_to_its_field()
    {
        await AssignAsync();
        var cut = RenderPage();

        cut.Find("[data-testid=scorecard-form]").Submit();
        cut.Find("[data-testid=submit-yes]").Click();

        cut.WaitForAssertion(() => Assert.All(_codes, code => Assert.Contains("Falta el puntaje", Criterion(cut, code).TextContent)));
        Assert.Contains("califique todos los criterios", cut.Find("[data-testid=scorecard-errors]").TextContent);
        Assert.NotEqual(ScorecardStatus.Submitted, Saved().Status);
    }

    [Fact]
    public async Task A_confirmed_submit_locks_the_scorecard_and_shows_comments_as_text()
    {
        await AssignAsync();
        var cut = RenderPage();
        foreach (var code in _codes)
        {
            Criterion(cut, code).QuerySelector("[data-testid=points]")!.Change("1");
        }
        Criterion(cut, _codes[0]).QuerySelector("[data-testid=comment]")!.Change("<script>alert(1)</script>");
        cut.WaitForAssertion(() => Assert.Equal("<script>alert(1)</script>", Saved().Points.Single(p => p.Comment is not null).Comment));

        cut.Find("[data-testid=scorecard-form]").Submit();
        Assert.Equal(ScorecardStatus.Draft, Saved().Status);
        cut.Find("[data-testid=submit-yes]").Click();

        cut.WaitForElement("[data-testid=scorecard-submitted]");
        Assert.Equal(ScorecardStatus.Submitted, Saved().Status);
        Assert.Contains("Enviada el", cut.Find("[data-testid=scorecard-submitted]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=scorecard-form]"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("&lt;script&gt;", cut.Find("[data-testid=scorecard-summary]").InnerHtml);
    }

    [Fact]
    public async Task A_change_saved_in_another_tab_stops_autosave_and_asks_to_reload()
    {
        await AssignAsync();
        var cut = RenderPage();
        var other = await Services.GetRequiredService<ScoringService>().SaveDraftAsync(new ActingUser(_jurorId), _scorecardId, Saved().Version, [new(_codes[0], 3m)], null);
        Assert.True(other.Succeeded);

        Criterion(cut, _codes[0]).QuerySelector("[data-testid=points]")!.Change("5");

        cut.WaitForElement("[data-testid=draft-conflict]");
        Assert.Equal(3m, Saved().Points.Single(p => p.Points is not null).Points);
    }

    private sealed class NoEvents : IContestEvents
    {
        public IDisposable Subscribe(int contestId, Func<ContestEvent, Task> handler) => throw new NotSupportedException();

        public void Publish(ContestEvent contestEvent)
        {
        }
    }

    private sealed class Links : IScoringLinks
    {
        public string Scorecard(int scorecardId) => $"https://t/juror/scorecards/{scorecardId}";

        public string Scorecards(int contestId) => $"https://t/juror/contests/{contestId}/scorecards";
    }
}
