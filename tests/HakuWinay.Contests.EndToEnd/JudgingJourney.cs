using System.Text;
using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// The public presentation before the CLAR, as it happens in the hall: the administrator assigns
/// the jurors automatically and runs the session from the console; two jurors on their own tablets
/// (two browser contexts) declare their conflicts, follow the console to the presenting group's
/// scorecard, score it (a reload, as after a dropped connection, finds what was saved) and submit
/// it; the third juror scored on paper and the administrator imports the sheet as CSV. The
/// projector, in a third context, shows each submission and then the revealed score without being
/// reloaded, and when the console moves on, a juror's tablet opens the next scorecard by itself.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class JudgingJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    private const string Stage = "Presentación pública ante el CLAR";

    [Fact]
    public async Task Jurors_score_a_live_presentation_on_tablets_and_paper_and_the_projector_follows()
    {
        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await AssignAutomaticallyAsync(admin);

        var juror1 = await JurorReadyAsync("jurado1@demo.hakuwinay.pe");
        var juror2 = await JurorReadyAsync("jurado2@demo.hakuwinay.pe");

        var presenting = await StartSessionAsync(admin);
        var projector = await OpenPageAsync();
        await SignInAsync(projector, "tecnico@demo.hakuwinay.pe", "/technician");
        await projector.GotoAsync("/contests/1/projector");
        await Expect(projector.GetByTestId("projector-current")).ToContainTextAsync(presenting);
        await Expect(projector.GetByTestId("slot")).ToHaveCountAsync(3);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(0);
        await Expect(projector.GetByTestId("projector")).Not.ToContainTextAsync("Cárdenas");

        // The Admin watches the matrix meanwhile: the juror's submission shows there without a reload.
        await OpenStageTabAsync(admin);
        await Expect(admin.Locator("[data-testid=refresh-on-change][data-interactive=true]")).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("scorecard-link").Filter(new() { HasText = "enviado" })).ToHaveCountAsync(0);
        await ScoreOnTabletAsync(juror1, presenting, (20, 20, 15, 25), checkReload: true);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("scorecard-link").Filter(new() { HasText = "enviado" })).ToHaveCountAsync(1);
        await ScoreOnTabletAsync(juror2, presenting, (15, 20, 10, 20), checkReload: false);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(2);

        await ImportPaperSheetAsync(admin, presenting, "jurado3@demo.hakuwinay.pe", (20, 15, 15, 20));
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(3);
        await Expect(projector.GetByTestId("revealed-score")).ToHaveCountAsync(0);

        // Reveal: the mean of 80, 65 and 70 (weights equal to the maxima, so points add up to the total).
        await admin.GotoAsync("/admin/contests/1/session");
        await Expect(admin.GetByTestId("reveal")).ToBeEnabledAsync();
        await admin.GetByTestId("reveal").ClickAsync();
        await Expect(projector.GetByTestId("revealed-score")).ToContainTextAsync("71.67");

        // The console moves on: the first juror's tablet, still on the submitted scorecard, opens the next one.
        var submittedUrl = juror1.Url;
        await admin.GetByTestId("advance").ClickAsync();
        await Expect(admin.GetByTestId("current-code")).Not.ToContainTextAsync(presenting);
        var next = CodeOf(await admin.GetByTestId("current-code").TextContentAsync());
        await Expect(projector.GetByTestId("projector-current")).ToContainTextAsync(next);
        await Expect(juror1).Not.ToHaveURLAsync(submittedUrl);
        await Expect(juror1).ToHaveURLAsync(ScorecardUrl());
        await Expect(juror1.GetByTestId("live-follower")).ToContainTextAsync(next);
        await Expect(juror1.GetByTestId("scorecard-form")).ToBeVisibleAsync();
    }

    internal static async Task AssignAutomaticallyAsync(IPage admin)
    {
        await OpenStageTabAsync(admin);
        await admin.Locator("#assignment-seed").FillAsync("2026");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Asignar automáticamente" }).ClickAsync();
        await Expect(admin.GetByTestId("run-outcome")).ToContainTextAsync("2026");
    }

    private static async Task OpenStageTabAsync(IPage admin)
    {
        await admin.GotoAsync("/admin/contests/1/assignment");
        // Opened by its address rather than clicked: a form filled while the tab's navigation is still landing would be lost.
        var tab = await admin.GetByTestId("stage-tabs").GetByRole(AriaRole.Link, new() { Name = Stage }).GetAttributeAsync("href");
        await admin.GotoAsync("/" + tab!.TrimStart('/'));
        await Expect(admin.GetByTestId("stage-tabs").Locator(".active")).ToHaveTextAsync(Stage);
    }

    /// <summary>A juror signs in on a tablet and confirms, before seeing any profile, that they have no conflict to declare.</summary>
    private async Task<IPage> JurorReadyAsync(string email)
    {
        var tablet = await OpenPageAsync(Devices.Tablet);
        await SignInAsync(tablet, email, "/juror");
        await tablet.GotoAsync("/juror/contests/1/conflicts");
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Confirmar mi declaración" }).ClickAsync();
        await Expect(tablet.GetByTestId("declaration-confirmed")).ToBeVisibleAsync();
        await tablet.GotoAsync("/juror/contests/1/live");
        await Expect(tablet.GetByTestId("live-waiting")).ToBeVisibleAsync();
        return tablet;
    }

    /// <summary>Draws the presentation order (recorded with its seed) and starts with the first group; returns its profile code.</summary>
    internal static async Task<string> StartSessionAsync(IPage admin)
    {
        await admin.GotoAsync("/admin/contests/1/session");
        var draw = admin.GetByTestId("draw-form");
        await Expect(draw.GetByRole(AriaRole.Button, new() { Name = "Sortear" })).ToBeEnabledAsync();
        await admin.Locator("#live-seed").FillAsync("7");
        await draw.GetByRole(AriaRole.Button, new() { Name = "Sortear" }).ClickAsync();
        await Expect(admin.GetByTestId("draw-record")).ToContainTextAsync("7");
        await Expect(admin.GetByTestId("order-item")).ToHaveCountAsync(4);
        await admin.GetByTestId("advance").ClickAsync();
        await Expect(admin.GetByTestId("current-code")).ToBeVisibleAsync();
        return CodeOf(await admin.GetByTestId("current-code").TextContentAsync());
    }

    /// <summary>
    /// The tablet, waiting on the live page, opens the presenting group's scorecard by itself; the
    /// juror scores the four criteria (each saved as typed) and submits.
    /// </summary>
    internal static async Task ScoreOnTabletAsync(IPage tablet, string presenting, (int P1, int P2, int P3, int P4) points, bool checkReload)
    {
        await Expect(tablet).ToHaveURLAsync(ScorecardUrl());
        await Expect(tablet.GetByTestId("live-follower")).ToContainTextAsync(presenting);
        await Expect(tablet.Locator("#points-P1")).ToBeEnabledAsync();
        foreach (var (code, value) in new[] { ("P1", points.P1), ("P2", points.P2), ("P3", points.P3), ("P4", points.P4) })
        {
            await SavedAfterAsync(tablet, async () =>
            {
                await tablet.Locator($"#points-{code}").FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await tablet.Locator($"#points-{code}").BlurAsync();
            });
        }
        await SavedAfterAsync(tablet, async () =>
        {
            await tablet.Locator("#comment-P1").FillAsync("Explicaron con claridad el negocio y el uso del dinero.");
            await tablet.Locator("#comment-P1").BlurAsync();
        });
        if (checkReload)
        {
            // As after a dropped connection: the scorecard comes back as saved.
            await tablet.ReloadAsync();
            await Expect(tablet.Locator("#points-P1")).ToBeEnabledAsync();
            await Expect(tablet.Locator("#points-P4")).ToHaveValueAsync(points.P4.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(tablet.Locator("#comment-P1")).ToHaveValueAsync("Explicaron con claridad el negocio y el uso del dinero.");
        }
        await tablet.GetByTestId("submit-scorecard").ClickAsync();
        await tablet.GetByTestId("submit-yes").ClickAsync();
        await Expect(tablet.GetByTestId("scorecard-submitted")).ToBeVisibleAsync();
    }

    private static async Task ImportPaperSheetAsync(IPage admin, string profileCode, string jurorEmail, (int P1, int P2, int P3, int P4) points)
    {
        var csv = new StringBuilder("profile_code,stage_code,juror_email,criterion_code,points,comment\n");
        foreach (var (code, value) in new[] { ("P1", points.P1), ("P2", points.P2), ("P3", points.P3), ("P4", points.P4) })
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{profileCode},PUBLICA,{jurorEmail},{code},{value},\"Ficha en papel, firmada\"\n");
        }
        await admin.GotoAsync("/admin/contests/1/score-sheets/import");
        var file = admin.Locator("input[type=file]");
        await Expect(file).ToBeEnabledAsync();
        await file.SetInputFilesAsync(new FilePayload { Name = "fichas-publica.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await Expect(admin.GetByTestId("import-done")).ToBeVisibleAsync();
    }

    /// <summary>"AYA-2026-01-003 · Title" → "AYA-2026-01-003".</summary>
    internal static string CodeOf(string? presenter) => (presenter ?? "").Split(" · ")[0].Trim();

    [GeneratedRegex(@"/juror/scorecards/[0-9]+\?live=1$")]
    private static partial Regex ScorecardUrl();
}
