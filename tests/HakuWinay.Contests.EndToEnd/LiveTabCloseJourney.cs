using System.Diagnostics;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// A juror closes the tablet's tab in the middle of the live session while the console moves on:
/// the closed circuit's screens let go of the session cleanly, and the portal logs no cancelled
/// task and no failed navigation for it.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class LiveTabCloseJourney(BrowserFixture browser, LoggingKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<LoggingKestrelPortal>
{
    [Fact]
    public async Task Closing_a_jurors_tab_during_the_session_leaves_no_cancelled_task_or_failed_navigation_in_the_log()
    {
        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await JudgingJourney.AssignAutomaticallyAsync(admin);
        var tablet = await OpenPageAsync(Devices.Tablet);
        await SignInAsync(tablet, "jurado1@demo.hakuwinay.pe", "/juror");
        await tablet.GotoAsync("/juror/contests/1/conflicts");
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Confirmar mi declaración" }).ClickAsync();
        await Expect(tablet.GetByTestId("declaration-confirmed")).ToBeVisibleAsync();
        await tablet.GotoAsync("/juror/contests/1/live");
        await Expect(tablet.GetByTestId("live-waiting")).ToBeVisibleAsync();
        await JudgingJourney.StartSessionAsync(admin);
        await Expect(tablet).ToHaveURLAsync(ScorecardUrl());
        // Counted once the tablet's follower is subscribed: its prerendered pass shows the same banner without listening.
        await Expect(tablet.GetByTestId("live-follower")).ToHaveAttributeAsync("data-following", "true");
        var events = Portal.Services.GetRequiredService<ContestEvents>();
        var withTablet = events.SubscriptionCount;

        // The tab closes while the console moves on: the tablet's screens get events as their circuit goes away.
        var closing = tablet.CloseAsync(new() { RunBeforeUnload = true });
        await admin.GetByTestId("advance").ClickAsync();
        await closing;
        await admin.GetByTestId("advance").ClickAsync();
        await WaitUntilAsync(() => events.SubscriptionCount < withTablet);
        await admin.GetByTestId("end").ClickAsync();
        await Expect(admin.GetByTestId("phase")).ToHaveTextAsync("Sesión terminada");

        var bad = ((LoggingKestrelPortal)Portal).Logs.Entries.Where(e => e.ToString().Contains(nameof(TaskCanceledException), StringComparison.Ordinal)
            || e.Message.Contains("Navigation failed", StringComparison.Ordinal)).ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
        Assert.True(events.SubscriptionCount < withTablet);
    }

    /// <summary>Polls a condition the portal reaches by itself (the closed circuit disposed), up to half a minute.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The closed tab's circuit was never disposed.");
            await ticks.WaitForNextTickAsync();
        }
    }

    [GeneratedRegex(@"/juror/scorecards/[0-9]+\?live=1$")]
    private static partial Regex ScorecardUrl();
}
