using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// Issue 16's live session across servers: two copies of the portal on one PostgreSQL database.
/// The administrator runs the session from copy A, a juror scores on a tablet served by copy A,
/// the projector is served by copy B. The projector shows the juror's submission without a
/// reload; then the administrator moves the session on from a console on copy B, and the tablet on
/// copy A opens the next scorecard by itself while the projector shows the next group.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class SeveralCopiesLiveJourney(BrowserFixture browser, TwoCopiesOnPostgres copies, ITestOutputHelper output)
    : BrowserTest(browser, copies.A, output), IClassFixture<TwoCopiesOnPostgres>
{
    [Fact]
    public async Task A_projector_on_one_copy_follows_a_session_run_and_scored_on_the_other()
    {
        var admin = await OpenPageAsync();
        await SignInAsync(admin, "admin@demo.hakuwinay.pe", "/admin");
        await JudgingJourney.AssignAutomaticallyAsync(admin);

        var tablet = await OpenPageAsync(Devices.Tablet);
        await SignInAsync(tablet, "jurado1@demo.hakuwinay.pe", "/juror");
        await tablet.GotoAsync("/juror/contests/1/conflicts");
        await tablet.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Confirmar mi declaración" }).ClickAsync();
        await Expect(tablet.GetByTestId("declaration-confirmed")).ToBeVisibleAsync();
        await tablet.GotoAsync("/juror/contests/1/live");
        await Expect(tablet.GetByTestId("live-waiting")).ToBeVisibleAsync();

        var presenting = await JudgingJourney.StartSessionAsync(admin);

        var projector = await OpenPageAsync(on: copies.B);
        await SignInAsync(projector, "tecnico@demo.hakuwinay.pe", "/technician", on: copies.B);
        await projector.GotoAsync("/contests/1/projector");
        await Expect(projector.GetByTestId("projector-current")).ToContainTextAsync(presenting);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(0);

        // Submitted on copy A, shown on copy B's projector.
        await JudgingJourney.ScoreOnTabletAsync(tablet, presenting, (20, 20, 15, 25), checkReload: false);
        await Expect(projector.Locator("[data-testid=slot].submitted")).ToHaveCountAsync(1);

        // Moved on from copy B's console: copy A's tablet and copy B's projector follow.
        var submittedUrl = tablet.Url;
        var console = await OpenPageAsync(on: copies.B);
        await SignInAsync(console, "admin@demo.hakuwinay.pe", "/admin", on: copies.B);
        await console.GotoAsync("/admin/contests/1/session");
        await Expect(console.GetByTestId("current-code")).ToContainTextAsync(presenting);
        await console.GetByTestId("advance").ClickAsync();
        await Expect(console.GetByTestId("current-code")).Not.ToContainTextAsync(presenting);
        var next = JudgingJourney.CodeOf(await console.GetByTestId("current-code").TextContentAsync());
        await Expect(projector.GetByTestId("projector-current")).ToContainTextAsync(next);
        await Expect(tablet).Not.ToHaveURLAsync(submittedUrl);
        await Expect(tablet).ToHaveURLAsync(ScorecardUrl());
        await Expect(tablet.GetByTestId("live-follower")).ToContainTextAsync(next);
        // And the console on copy A, which made the draw, shows it too.
        await Expect(admin.GetByTestId("current-code")).ToContainTextAsync(next);
    }

    [GeneratedRegex(@"/juror/scorecards/[0-9]+\?live=1$")]
    private static partial Regex ScorecardUrl();
}

/// <summary>Two copies of the portal on one fresh PostgreSQL database: the first migrates and seeds, then the second starts.</summary>
public sealed class TwoCopiesOnPostgres : IAsyncLifetime
{
    private readonly NpgsqlConnectionStringBuilder _server = new(TestPrerequisites.PostgresConnectionString);
    private readonly string _database = "haku_copies_" + Guid.NewGuid().ToString("N")[..12];

    public KestrelPortal A { get; private set; } = null!;
    public KestrelPortal B { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ConnectionString;
        A = new PostgresKestrelPortal(connectionString);
        B = new PostgresKestrelPortal(connectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await (B?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (A?.DisposeAsync() ?? ValueTask.CompletedTask);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
