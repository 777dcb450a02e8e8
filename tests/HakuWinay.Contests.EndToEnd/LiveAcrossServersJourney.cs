using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// Issue 16's live session across servers, with a copy dying in the middle. Two copies of the
/// portal run as processes on one PostgreSQL database. Each is reached through a failover address,
/// as through a load balancer: the projector's prefers copy A, the console's and the two jurors'
/// tablets' prefer copy B. Each juror's submission on copy B shows on the projector served by copy A.
/// Then copy B is killed (as a crash would). Its screens reconnect through their address to copy A,
/// which does not know their circuits: a second projector, where nobody typed, reloads by itself;
/// the console and the tablets, where people typed, say that the server was replaced and offer the
/// reload (the reconnect dialog never reloads a page someone typed in, docs/decisions/026).
/// Reloaded, every screen shows the session as it is, each submission included, and the session
/// goes on from there, both projectors following.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class LiveAcrossServersJourney(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly NpgsqlConnectionStringBuilder _server = new(TestPrerequisites.PostgresConnectionString);
    private readonly string _database = "haku_live_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private SeveralServersCopy _a = null!;
    private SeveralServersCopy _b = null!;
    private FailoverProxy _preferA = null!;
    private FailoverProxy _preferB = null!;
    private bool _killed;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        // One after the other, as README starts copies: the first migrates and loads the demo.
        _a = StartCopy("a");
        await _a.ListeningAsync(TimeSpan.FromMinutes(3));
        _b = StartCopy("b");
        await _b.ListeningAsync(TimeSpan.FromMinutes(3));
        _preferA = new FailoverProxy(_a.Port, _b.Port);
        _preferB = new FailoverProxy(_b.Port, _a.Port);
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        await (_preferA?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_preferB?.DisposeAsync() ?? ValueTask.CompletedTask);
        _b?.Dispose();
        _a?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Screens_on_two_copies_follow_one_session_and_those_of_a_killed_copy_resume_on_the_other()
    {
        var console = await OpenAsync(_preferB);
        await SignInAsync(console, _preferB, "admin@demo.hakuwinay.pe", "/admin");
        await JudgingJourney.AssignAutomaticallyAsync(console);
        var tablet1 = await JurorReadyAsync("jurado1@demo.hakuwinay.pe");
        var tablet2 = await JurorReadyAsync("jurado2@demo.hakuwinay.pe");
        var presenting = await JudgingJourney.StartSessionAsync(console);

        var projector = await OpenAsync(_preferA);
        await SignInAsync(projector, _preferA, "tecnico@demo.hakuwinay.pe", "/technician");
        await projector.GotoAsync("/contests/1/projector");
        await Expect(projector.GetByTestId("projector-current")).ToContainTextAsync(presenting);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(0);
        var wallOnB = await OpenAsync(_preferB);
        await SignInAsync(wallOnB, _preferB, "tecnico@demo.hakuwinay.pe", "/technician");
        await wallOnB.GotoAsync("/contests/1/projector");
        await Expect(wallOnB.GetByTestId("projector-current")).ToContainTextAsync(presenting);

        // Each submission, made on copy B, shows on copy A's projector.
        await JudgingJourney.ScoreOnTabletAsync(tablet1, presenting, (20, 20, 15, 25), checkReload: false);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(1);
        await JudgingJourney.ScoreOnTabletAsync(tablet2, presenting, (18, 22, 14, 21), checkReload: false);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(2);
        Assert.Empty(_pageErrors);

        // Copy B dies. Its screens reconnect, through their address, to copy A: the console shows
        // both submissions, each tablet its own submitted scorecard, all read from the database.
        // Each screen's state is asserted once it was loaded again, never on what it showed before.
        var wallReloaded = DocumentLoadedAsync(wallOnB);
        await _b.KillAsync();
        _killed = true;
        await wallReloaded;
        // Listening again on copy A before anything moves on: only then does it hear what follows.
        await Expect(wallOnB.GetByTestId("projector")).ToHaveAttributeAsync("data-following", "true");
        await Expect(wallOnB.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(2);
        foreach (var typedIn in new[] { console, tablet1, tablet2 })
        {
            await Expect(typedIn.GetByTestId("reconnect-modal")).ToHaveAttributeAsync("data-state", "rejected");
            var reloaded = DocumentLoadedAsync(typedIn);
            await typedIn.GetByTestId("reconnect-reload").ClickAsync();
            await reloaded;
        }
        foreach (var tablet in new[] { tablet1, tablet2 })
        {
            await Expect(tablet.GetByTestId("live-follower")).ToHaveAttributeAsync("data-following", "true");
        }
        await Expect(console.GetByTestId("juror-progress")).ToContainTextAsync("2 de 3 enviadas");
        await Expect(console.GetByTestId("current-code")).ToContainTextAsync(presenting);
        await Expect(tablet1.GetByTestId("scorecard-submitted")).ToBeVisibleAsync();
        await Expect(tablet2.GetByTestId("scorecard-submitted")).ToBeVisibleAsync();
        Assert.True(_a.HasExited is false, _a.Output);

        // And the session goes on from the console now on copy A: the projector and both tablets follow.
        var submittedUrls = new[] { tablet1.Url, tablet2.Url };
        await console.GetByTestId("advance").ClickAsync();
        await Expect(console.GetByTestId("current-code")).Not.ToContainTextAsync(presenting);
        var next = JudgingJourney.CodeOf(await console.GetByTestId("current-code").TextContentAsync());
        await Expect(projector.GetByTestId("projector-current")).ToContainTextAsync(next);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(0);
        await Expect(wallOnB.GetByTestId("projector-current")).ToContainTextAsync(next);
        foreach (var (tablet, submittedUrl) in new[] { tablet1, tablet2 }.Zip(submittedUrls))
        {
            await Expect(tablet).Not.ToHaveURLAsync(submittedUrl);
            await Expect(tablet).ToHaveURLAsync(ScorecardUrl());
            await Expect(tablet.GetByTestId("live-follower")).ToContainTextAsync(next);
        }
    }

    /// <summary>Completes when the page holds a new document (a reload), through whichever copy.</summary>
    private static Task DocumentLoadedAsync(IPage page)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoaded(object? sender, IPage loadedPage)
        {
            page.DOMContentLoaded -= OnLoaded;
            loaded.TrySetResult();
        }
        page.DOMContentLoaded += OnLoaded;
        return loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private SeveralServersCopy StartCopy(string name) => SeveralServersCopy.Start(name, new Dictionary<string, string>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:PostgreSql"] = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ConnectionString,
        // The one-contest demo whose session the judging journeys run.
        ["Seed:DemoCycle"] = "false",
        ["Hangfire:WorkerCount"] = "1",
        ["Smtp:Host"] = "",
    });

    /// <summary>A juror signs in on a tablet, declares no conflict and waits on the live page.</summary>
    private async Task<IPage> JurorReadyAsync(string email)
    {
        var tablet = await OpenAsync(_preferB, Devices.Tablet);
        await SignInAsync(tablet, _preferB, email, "/juror");
        await tablet.GotoAsync("/juror/contests/1/conflicts");
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Confirmar mi declaración" }).ClickAsync();
        await Expect(tablet.GetByTestId("declaration-confirmed")).ToBeVisibleAsync();
        await tablet.GotoAsync("/juror/contests/1/live");
        await Expect(tablet.GetByTestId("live-waiting")).ToBeVisibleAsync();
        return tablet;
    }

    private async Task<IPage> OpenAsync(FailoverProxy address, BrowserNewContextOptions? device = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions(device ?? new()) { BaseURL = address.BaseUrl.ToString() });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        var name = address == _preferA ? "A" : "B";
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                output.WriteLine($"[{name}] at {frame.Url}");
            }
        };
        page.Console += (_, message) => output.WriteLine($"[{name}] console.{message.Type}: {message.Text}");
        // Before the kill no page may throw; after it, the dropped connections are expected to be reported.
        page.PageError += (_, error) =>
        {
            output.WriteLine($"[{name}] uncaught error: {error}");
            if (!_killed)
            {
                _pageErrors.Enqueue(error);
            }
        };
        return page;
    }

    private static async Task SignInAsync(IPage page, FailoverProxy address, string email, string landing)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(PortalFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(address.Url(landing));
    }

    [GeneratedRegex(@"/juror/scorecards/[0-9]+\?live=1$")]
    private static partial Regex ScorecardUrl();
}
