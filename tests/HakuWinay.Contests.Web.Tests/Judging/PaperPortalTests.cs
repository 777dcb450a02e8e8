using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Groups;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Judging;

/// <summary>
/// The evaluation page, the printable sheets and the paper entry form through the real portal, on
/// the demo contest 1 (jurado1–3 appointed to both stages) with two eligible profiles assigned in CAMPO.
/// </summary>
public sealed partial class PaperPortalTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private HttpClient _admin = null!;
    private int _stageId;
    private string _adminId = "";
    private DemoProfile[] _profiles = [];

    public async Task InitializeAsync()
    {
        _admin = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(_admin, "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword);
        _profiles = [await EligibleAsync(DemoProfiles.GroupA), await EligibleAsync(DemoProfiles.GroupB)];
        _stageId = await InDatabaseAsync(db => db.Contests.Where(c => c.Id == 1).SelectMany(c => c.Stages).Where(s => s.Code == "CAMPO").Select(s => s.Id).SingleAsync());
        _adminId = await InDatabaseAsync(db => db.Users.Where(u => u.Email == "admin@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<AssignmentService>().RunAsync(new ActingUser(_adminId, IsAdmin: true), _stageId, 7);
        Assert.True(run.Succeeded);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _portal.Dispose();
        return Task.CompletedTask;
    }

    private async Task<T> InDatabaseAsync<T>(Func<ContestsDbContext, Task<T>> query)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private async Task<DemoProfile> EligibleAsync(string group)
    {
        var profile = await DemoProfiles.CreateAsync(_portal, group, submit: true);
        await using var scope = _portal.Services.CreateAsyncScope();
        var factory = _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        var items = await InDatabaseAsync(db => db.Contests.Where(c => c.Id == 1).SelectMany(c => c.EligibilityChecklist.Select(i => i.Id)).ToListAsync());
        var decided = await scope.ServiceProvider.GetRequiredService<EligibilityService>().DecideAsync("admin", profile.Id,
            await DemoProfiles.VersionAsync(factory, profile.Id), true, "Cumple", items.Select(i => new ChecklistAnswer(i, true)).ToList());
        Assert.True(decided.Succeeded, decided.Outcome.ToString());
        return profile;
    }

    private static int Count(string page, string testId) => Regex.Count(page, $"data-testid=\"{testId}\"");

    [Fact]
    public async Task The_score_sheets_page_prints_one_sheet_per_scorecard_with_criteria_maxima_and_signatures()
    {
        var criterion = await InDatabaseAsync(db => db.Set<HakuWinay.Contests.Contests.ContestCriterion>().Where(c => c.ContestStageId == _stageId && c.Code == "C6").Select(c => c.Name).SingleAsync());
        var jurado1 = await InDatabaseAsync(db => db.Users.Where(u => u.Email == "jurado1@demo.hakuwinay.pe").Select(u => new { u.Id, u.FullName }).SingleAsync());

        var all = await _admin.GetStringAsync($"/admin/contests/1/score-sheets?stage={_stageId}");
        var ofJuror = await _admin.GetStringAsync($"/admin/contests/1/score-sheets?stage={_stageId}&juror={jurado1.Id}");
        var ofProfile = await _admin.GetStringAsync($"/admin/contests/1/score-sheets?stage={_stageId}&profile={_profiles[0].Id}");

        // Six eligible profiles (the demo's four and these two), each with the three demo jurors.
        Assert.Equal(18, Count(all, "score-sheet"));
        Assert.Equal(6, Count(ofJuror, "score-sheet"));
        Assert.Equal(3, Count(ofProfile, "score-sheet"));
        Assert.Contains(criterion, all, StringComparison.Ordinal);
        Assert.Contains(jurado1.FullName, ofJuror, StringComparison.Ordinal);
        Assert.Contains(_profiles[0].Code!, ofProfile, StringComparison.Ordinal);
        Assert.Equal(["20", "20", "15", "20", "15", "10"], Regex.Matches(ofProfile.Split("data-testid=\"score-sheet\"")[1], "data-testid=\"max\">([^<]*)<").Select(m => m.Groups[1].Value));
        Assert.Contains("Firma del jurado", all, StringComparison.Ordinal);
        Assert.Contains("Firma del secretario del CLAR", all, StringComparison.Ordinal);
        Assert.Contains("@media print", all, StringComparison.Ordinal);
        Assert.Contains("break-after: page", all, StringComparison.Ordinal);
        // A print button with no inline handler (the CSP refuses those): the portal's module script prints on data-print.
        Assert.Contains("data-print", all, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=", all, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/contests/1/score-sheets?stage=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/contests/99999/score-sheets")).StatusCode);
        Assert.Contains("data-testid=\"no-sheets\"", await _admin.GetStringAsync($"/admin/contests/1/score-sheets?stage={_stageId}&juror=nadie"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paper_form_puts_errors_next_to_their_fields_and_saves_a_valid_sheet_as_submitted()
    {
        var scorecard = await InDatabaseAsync(db => db.Scorecards.Where(s => s.ContestStageId == _stageId && s.BusinessProfileId == _profiles[0].Id).OrderBy(s => s.Id).FirstAsync());
        var url = $"/admin/scorecards/{scorecard.Id}/paper";
        var form = await _admin.GetStringAsync(url);
        Assert.Contains("name=\"Input.Entries[0].Points\"", form, StringComparison.Ordinal);
        List<KeyValuePair<string, string>> Fields(params string[] points) =>
            [new("Input.Version", scorecard.Version.ToString()), new("Input.OverallComment", "Buen grupo"),
             .. points.SelectMany((p, i) => new KeyValuePair<string, string>[] { new($"Input.Entries[{i}].Points", p), new($"Input.Entries[{i}].Comment", "ok") })];

        var garbage = await (await FormPost.SendAsync(_admin, url, "paper-entry", Fields("abc", "20", "15", "20", "15", "10"))).Content.ReadAsStringAsync();
        var tooHigh = await (await FormPost.SendAsync(_admin, url, "paper-entry", Fields("25", "20", "15", "20", "15", ""))).Content.ReadAsStringAsync();
        Assert.Contains("Escriba un número, por ejemplo 7 o 7.5.", garbage, StringComparison.Ordinal);
        Assert.Contains("El puntaje 25 supera el máximo 20 del criterio C1.", tooHigh, StringComparison.Ordinal);
        Assert.Contains("Falta el puntaje del criterio C6", tooHigh, StringComparison.Ordinal);
        Assert.Equal(ScorecardStatus.NotStarted, await InDatabaseAsync(db => db.Scorecards.Where(s => s.Id == scorecard.Id).Select(s => s.Status).SingleAsync()));

        using var saved = await FormPost.SendAsync(_admin, url, "paper-entry", Fields("18", "17,0", "12", "20", "15", "9"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/admin/scorecards/{scorecard.Id}/paper?saved=1", saved.Headers.Location!.ToString(), StringComparison.Ordinal);
        var stored = await InDatabaseAsync(db => db.Scorecards.Include(s => s.Points).SingleAsync(s => s.Id == scorecard.Id));
        Assert.Equal((ScorecardStatus.Submitted, _adminId, "Buen grupo"), (stored.Status, stored.EnteredByAdminUserId, stored.OverallComment));
        Assert.Contains("data-testid=\"paper-refused\"", await _admin.GetStringAsync(url), StringComparison.Ordinal);
        var evaluation = await _admin.GetStringAsync($"/admin/contests/1/evaluation?stage={_stageId}");
        Assert.Contains("Fichas enviadas: 1 de 18", evaluation, StringComparison.Ordinal);
        Assert.Contains($"href=\"admin/scorecards/{scorecard.Id}\"", evaluation, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"admin/scorecards/{scorecard.Id}/paper\"", evaluation, StringComparison.Ordinal);
        Assert.Equal(17, Count(evaluation, "enter-paper"));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/scorecards/99999/paper")).StatusCode);
    }

    [Fact]
    public async Task The_evaluation_form_refuses_bad_input_and_saves_the_lima_deadline_and_the_threshold()
    {
        var url = $"/admin/contests/1/evaluation?stage={_stageId}";

        var badDate = await (await FormPost.SendAsync(_admin, url, "schedule-scoring", [new("Input.Deadline", "mañana"), new("Input.Threshold", "15")])).Content.ReadAsStringAsync();
        var badNumber = await (await FormPost.SendAsync(_admin, url, "schedule-scoring", [new("Input.Deadline", ""), new("Input.Threshold", "quince")])).Content.ReadAsStringAsync();
        var outOfRange = await (await FormPost.SendAsync(_admin, url, "schedule-scoring", [new("Input.Deadline", ""), new("Input.Threshold", "150")])).Content.ReadAsStringAsync();
        Assert.Contains("Escriba la fecha y la hora del cierre", badDate, StringComparison.Ordinal);
        Assert.Contains("Escriba un número de 0 a 100", badNumber, StringComparison.Ordinal);
        Assert.Contains("El umbral de dispersión debe estar entre 0 y 100 puntos.", outOfRange, StringComparison.Ordinal);
        Assert.Equal(0, await InDatabaseAsync(db => db.AuditLog.CountAsync(a => a.Action == "stage.scoring-scheduled")));

        using var saved = await FormPost.SendAsync(_admin, url, "schedule-scoring", [new("Input.Deadline", "2031-12-01T18:00"), new("Input.Threshold", "12,5")]);
        using var past = await FormPost.SendAsync(_admin, url, "schedule-scoring", [new("Input.Deadline", "2020-01-01T08:00"), new("Input.Threshold", "12.5")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"evaluation?stage={_stageId}&scheduled=1", saved.Headers.Location!.ToString(), StringComparison.Ordinal);
        var stage = await InDatabaseAsync(db => db.Set<HakuWinay.Contests.Contests.ContestStage>().SingleAsync(s => s.Id == _stageId));
        Assert.Equal((new DateTime(2020, 1, 1, 13, 0, 0), 12.5m), (stage.ScoringDeadlineUtc, stage.SpreadThreshold));
        var page = await _admin.GetStringAsync(url + "&scheduled=1");
        Assert.Contains("data-testid=\"scheduled\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"deadline-passed\"", page, StringComparison.Ordinal);
        Assert.Contains("01/01/2020 08:00", page, StringComparison.Ordinal);
        Assert.Equal(2, await InDatabaseAsync(db => db.AuditLog.CountAsync(a => a.Action == "stage.scoring-scheduled")));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/contests/1/evaluation?stage=99999")).StatusCode);
        Assert.Contains("href=\"admin/contests/1/evaluation\"", await _admin.GetStringAsync("/admin/contests/1/assignment"), StringComparison.Ordinal);
    }
}
