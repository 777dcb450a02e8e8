using System.Globalization;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Cli;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// A tour of the demo of every stage (Seed:DemoCycle=true) as the README tells it: the public
/// reaches last year's results, acta and package; the juror with a field scorecard left finishes
/// it; the administrator runs the live session of the contest in evaluation while the projector
/// follows; the group with tranche 2 due sees it; the technician files this week's visit on a phone.
/// Each part touches its own story, so the parts pass in any order on one portal.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class DemoTour(BrowserFixture browser, FullDemoKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<FullDemoKestrelPortal>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[512]];

    /// <summary>
    /// Written against the public pages' contract (home section "home-published" with links
    /// "contest-results-link"); it passes once those pages are merged.
    /// </summary>
    [Fact]
    public async Task A_visitor_reaches_last_years_results_from_home_in_two_clicks_and_the_package_verifies()
    {
        string code;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            code = (await FullDemo.LastYearContestAsync(db)).Code;
        }
        var page = await OpenPageAsync();
        await page.GotoAsync("/");

        await page.GetByTestId("home-published").Locator($"[data-testid=contest-results-link][href*='{code}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(Portal.Url($"/contests/{code}/results"));
        await page.GetByTestId("acta-link").First.ClickAsync();
        // The acta of the latest version: /contests/{code}/results/acta?version=2.
        await Expect(page).ToHaveURLAsync(new Regex($"/contests/{code}/results/acta(\\?version=2)?$"));
        // The print button works under the Content-Security-Policy (no inline handler): it calls window.print once.
        await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }");
        await page.Locator("[data-print]").First.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__printed === 1");

        await page.GotoAsync($"/contests/{code}/results");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-package").First.ClickAsync());
        var path = await download.PathAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(CliApp.Ok, CliApp.Run(["verify", path], output, error));
        Assert.Equal("verified", output.ToString().Trim());
        Assert.Contains("\"publication_version\":2", (await File.ReadAllTextAsync(path)).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_juror_with_a_field_scorecard_left_scores_and_submits_it()
    {
        int scorecardId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            scorecardId = (await FullDemo.PendingFieldScorecardAsync(db)).Id;
        }
        var tablet = await OpenPageAsync(Devices.Tablet);
        await SignInAsync(tablet, FullDemo.PendingJurorEmail, "/juror");

        await tablet.GotoAsync($"/juror/scorecards/{scorecardId}");
        await Expect(tablet.Locator("#points-C1")).ToBeEnabledAsync();
        foreach (var (criterion, points) in new[] { ("C1", 16), ("C2", 15), ("C3", 12), ("C4", 16), ("C5", 11), ("C6", 8) })
        {
            await SavedAfterAsync(tablet, async () =>
            {
                await tablet.Locator($"#points-{criterion}").FillAsync(points.ToString(CultureInfo.InvariantCulture));
                await tablet.Locator($"#points-{criterion}").BlurAsync();
            });
        }
        await tablet.GetByTestId("submit-scorecard").ClickAsync();
        await tablet.GetByTestId("submit-yes").ClickAsync();

        await Expect(tablet.GetByTestId("scorecard-submitted")).ToBeVisibleAsync();
        await using var check = await Factory.CreateDbContextAsync();
        Assert.Equal(Judging.ScorecardStatus.Submitted, await check.Scorecards.Where(s => s.Id == scorecardId).Select(s => s.Status).SingleAsync());
    }

    [Fact]
    public async Task The_administrator_runs_the_live_session_to_its_end_and_the_projector_follows()
    {
        int contestId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            contestId = (await FullDemo.EvaluationContestAsync(db)).Id;
        }
        var admin = await OpenPageAsync();
        await SignInAsync(admin, AwardedDemo.AdminEmail, "/admin");
        var projector = await OpenPageAsync();
        await SignInAsync(projector, AwardedDemo.TechnicianEmail, "/technician");
        await projector.GotoAsync($"/contests/{contestId}/projector");
        await Expect(projector.GetByTestId("projector-waiting")).ToBeVisibleAsync();

        await admin.GotoAsync($"/admin/contests/{contestId}/session");
        var draw = admin.GetByTestId("draw-form");
        await Expect(draw.GetByRole(AriaRole.Button, new() { Name = "Sortear" })).ToBeEnabledAsync();
        await admin.Locator("#live-seed").FillAsync("11");
        await draw.GetByRole(AriaRole.Button, new() { Name = "Sortear" }).ClickAsync();
        await Expect(admin.GetByTestId("draw-record")).ToContainTextAsync("11");
        await Expect(admin.GetByTestId("order-item")).ToHaveCountAsync(4);

        var presented = new List<string>();
        for (var position = 1; position <= 4; position++)
        {
            await admin.GetByTestId("advance").ClickAsync();
            await Expect(projector.GetByTestId("position")).ToHaveTextAsync($"Presenta {position} de 4");
            var presenting = (await admin.GetByTestId("current-code").TextContentAsync() ?? "").Split(" · ")[0].Trim();
            await Expect(projector.GetByTestId("projector-current")).ToContainTextAsync(presenting);
            presented.Add(presenting);
        }
        Assert.Equal(4, presented.Distinct().Count());
        await Expect(admin.GetByTestId("advance")).ToBeDisabledAsync();
        await admin.GetByTestId("end").ClickAsync();

        await Expect(projector.GetByTestId("projector-waiting")).ToHaveTextAsync("La sesión terminó. Gracias.");
        await Expect(admin.GetByTestId("end")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task The_group_with_tranche_2_due_sees_it_on_its_award_page()
    {
        int awardId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            awardId = (await FullDemo.AwardOfAsync(db, FullDemo.TrancheTwoDueEmail)).Id;
        }
        var phone = await OpenPageAsync(Devices.Phone);
        await SignInAsync(phone, FullDemo.TrancheTwoDueEmail, "/producer");

        await phone.GotoAsync($"/awards/{awardId}");

        await Expect(phone.GetByTestId("tranche-2")).ToContainTextAsync("Listo para pago");
        await Expect(phone.GetByTestId("tranche-1")).ToContainTextAsync("Pagado");
        await Expect(phone.GetByTestId("accounted-1")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_technician_files_this_weeks_visit_from_a_phone()
    {
        int visitId;
        await using (var db = await Factory.CreateDbContextAsync())
        {
            visitId = (await FullDemo.VisitDueThisWeekAsync(db)).Id;
        }
        var today = DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var phone = await OpenPageAsync(Devices.Phone);
        await SignInAsync(phone, AwardedDemo.TechnicianEmail, "/technician");

        await VisitReportForm.FileAsync(phone, Portal, visitId, new FilePayload { Name = "colmenas.png", MimeType = "image/png", Buffer = Png },
            new VisitReportEntry(today, "3", "1", "640.00", "35", "Colmenas instaladas; la centrífuga llegó la semana pasada."));

        await using var check = await Factory.CreateDbContextAsync();
        Assert.Equal(VisitStatus.Submitted, await check.AwardVisits.Where(v => v.Id == visitId).Select(v => v.Status).SingleAsync());
    }

    private IDbContextFactory<ContestsDbContext> Factory => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
}
