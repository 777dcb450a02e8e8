using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// Issue 16's connections that drop (docs/decisions/026-circuit-state.md). A juror's tablet loses
/// its connection for longer than its circuit is kept: the circuit is evicted into the database,
/// its server copy is replaced meanwhile, and when the tablet is back it resumes on the new copy
/// with the points typed, including one typed as the connection went that the server never
/// received, and saves them. A group's phone is typing in
/// the profile editor when its server copy is restarted: the new copy has no trace of the
/// circuit, the dialog says so (fitting a 360-px phone, with no serious axe finding), and after the
/// reload it offers, the text typed is back and saved. A technician's visit report, sent to the
/// server but not yet filed, comes back after an eviction from the circuit's persisted state alone.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class ReconnectJourney(BrowserFixture browser, ReconnectPortals portals, ITestOutputHelper output)
    : BrowserTest(browser, portals.Technician, output), IClassFixture<ReconnectPortals>
{
    [Fact]
    public async Task A_scorecard_offline_past_its_circuits_retention_resumes_on_a_new_copy_with_the_points_typed_and_saves_them()
    {
        ExpectConsoleErrors(DroppedConnection());
        var copy = portals.Juror;
        var tablet = await OpenPageAsync(Devices.Tablet, on: copy.Current);
        var link = new BrowserLink();
        await link.RouteAsync(tablet);
        var scorecardId = await PendingScorecardAsync(copy.Db);
        // Straight to the scorecard: a page left by a full load would leave a second circuit, whose
        // eviction could be the write awaited below.
        await SignInToAsync(tablet, FullDemo.PendingJurorEmail, $"/juror/scorecards/{scorecardId}", on: copy.Current);
        await Expect(tablet.Locator("#points-C2")).ToBeEnabledAsync();
        await SavedAfterAsync(tablet, async () =>
        {
            await tablet.Locator("#points-C2").FillAsync("12");
            await tablet.Locator("#points-C2").BlurAsync();
        });
        // Typed as the connection goes: the field is not left, so the server never hears of it.
        await tablet.Locator("#points-C4").FillAsync("18");

        var earlier = await CacheEntryIdsAsync(copy.Db);
        var stored = copy.Current.CacheWrites.Next();
        await link.DropAsync(tablet);
        var modal = tablet.GetByTestId("reconnect-modal");
        await Expect(modal).ToBeVisibleAsync();
        await Expect(modal).ToContainTextAsync("Lo que escribió sigue en esta página");
        var kept = await EvictedCircuitAsync(stored, copy.Db, earlier);
        // The copy that held the circuit is replaced: the new one knows it only from the database.
        await copy.RestartAsync();

        await link.RestoreAsync(tablet);
        if (await modal.GetAttributeAsync("data-state") == "failed")
        {
            await modal.GetByRole(AriaRole.Button, new() { Name = "Reintentar" }).ClickAsync();
        }
        await Expect(modal).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(tablet.Locator("#points-C2")).ToHaveValueAsync("12");
        await Expect(tablet.Locator("#points-C4")).ToHaveValueAsync("18");
        await Expect(tablet.GetByTestId("save-indicator")).ToHaveAttributeAsync("data-state", "Saved");
        await Expect(tablet.GetByTestId("save-indicator")).ToHaveAttributeAsync("data-pending", "0");
        Assert.DoesNotContain(kept, await CacheEntryIdsAsync(copy.Db));
        Assert.Equal([12m, 18m], await SavedPointsAsync(copy.Db, scorecardId));

        // A reload finds them saved.
        await tablet.ReloadAsync();
        await Expect(tablet.Locator("#points-C4")).ToHaveValueAsync("18");
        await Expect(tablet.Locator("#points-C2")).ToHaveValueAsync("12");
    }

    [Fact]
    public async Task A_visit_report_offline_past_its_circuits_retention_comes_back_from_the_circuits_state_alone_and_is_filed()
    {
        ExpectConsoleErrors(DroppedConnection());
        var phone = await OpenPageAsync(Devices.Phone);
        var link = new BrowserLink();
        await link.RouteAsync(phone);
        int visitId;
        await using (var db = await TechnicianDb.CreateDbContextAsync())
        {
            visitId = (await FullDemo.VisitDueThisWeekAsync(db)).Id;
        }
        // Straight to the visit, so that no page left behind holds a second circuit (see above).
        await SignInToAsync(phone, "tecnico@demo.hakuwinay.pe", $"/technician/visits/{visitId}");
        await Expect(phone.GetByTestId("visit-report-form")).ToHaveAttributeAsync("data-draft-live", "true");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Lima")).DateTime);
        const string observations = "Las socias ya venden en la feria de Quinua.";
        await phone.Locator("#visited-on").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await phone.Locator("#members").FillAsync("9");
        await phone.Locator("#jobs").FillAsync("2");
        await phone.Locator("#sales").FillAsync("1500");
        await phone.Locator("#observations").FillAsync(observations);
        // Leaving the box sends it to the server, which holds the report (nothing is saved before it is sent).
        await phone.Locator("#observations").BlurAsync();
        await Expect(phone.Locator("#observations")).ToHaveValueAsync(observations);

        var earlier = await CacheEntryIdsAsync(TechnicianDb);
        var stored = portals.Technician.CacheWrites.Next();
        await link.DropAsync(phone);
        await Expect(phone.GetByTestId("reconnect-modal")).ToBeVisibleAsync();
        var kept = await EvictedCircuitAsync(stored, TechnicianDb, earlier);
        // Without the browser's copy, only the circuit's state kept in the database can bring the report back.
        await phone.EvaluateAsync("() => sessionStorage.clear()");

        await link.RestoreAsync(phone);
        var modal = phone.GetByTestId("reconnect-modal");
        if (await modal.GetAttributeAsync("data-state") == "failed")
        {
            await modal.GetByRole(AriaRole.Button, new() { Name = "Reintentar" }).ClickAsync();
        }
        await Expect(modal).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(phone.Locator("#members")).ToHaveValueAsync("9");
        await Expect(phone.Locator("#observations")).ToHaveValueAsync(observations);
        Assert.DoesNotContain(kept, await CacheEntryIdsAsync(TechnicianDb));
        await phone.GetByTestId("submit-visit").ClickAsync();
        await Expect(phone.GetByTestId("visit-filed")).ToBeVisibleAsync();
        await using (var db = await TechnicianDb.CreateDbContextAsync())
        {
            var visit = await db.AwardVisits.AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(9, visit.MembersPresent);
            Assert.Equal(observations, visit.Observations);
        }
    }

    [Fact]
    public async Task A_profile_being_typed_when_its_server_copy_restarts_is_put_back_after_the_reload_and_saved()
    {
        ExpectConsoleErrors(DroppedConnection());
        var narrowPhone = Devices.Phone;
        narrowPhone.ViewportSize = new ViewportSize { Width = 360, Height = 740 };
        var phone = await OpenPageAsync(narrowPhone, on: portals.Group.Current);
        var link = new BrowserLink();
        await link.RouteAsync(phone);
        await SignInAsync(phone, "grupo1@demo.hakuwinay.pe", "/producer", on: portals.Group.Current);
        await phone.GotoAsync("/contests/AYA-2026-01/apply");
        await phone.GetByLabel(new Regex("^Negocio en idea")).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Empezar el perfil" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(EditorPage());
        var profileId = int.Parse(EditorPage().Match(phone.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Expect(phone.GetByTestId("draft-editor")).ToHaveAttributeAsync("data-interactive", "true");
        await SavedAfterAsync(phone, async () =>
        {
            await phone.Locator("#section-Title").FillAsync("Crianza de cuyes en Muyurina");
            await phone.Locator("#section-Title").BlurAsync();
        });

        // The network stops carrying what the phone sends; the text typed now reaches no server.
        const string summary = "Las socias crían cuyes y venden en la feria de Quinua.";
        link.Freeze();
        await phone.Locator("#section-Summary").FillAsync(summary);
        await portals.Group.RestartAsync();
        link.Thaw();

        var modal = phone.GetByTestId("reconnect-modal");
        await Expect(modal).ToHaveAttributeAsync("data-state", "rejected", new() { Timeout = 60_000 });
        await Expect(modal).ToContainTextAsync("El servidor fue reemplazado");
        // On the phone's 360 px: no sideways scroll, and a button a thumb can hit.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The reconnect dialog scrolls sideways at 360 px.");
        var reload = await modal.GetByTestId("reconnect-reload").BoundingBoxAsync();
        Assert.True(reload is { Height: >= 44, Width: >= 44 }, $"The reload button is {reload?.Width}x{reload?.Height} px, under 44 px.");
        var axe = await phone.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.Equal("", await SummaryInDatabaseAsync(profileId));

        await modal.GetByTestId("reconnect-reload").ClickAsync();
        await Expect(phone.GetByTestId("draft-editor")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(phone.Locator("#section-Summary")).ToHaveValueAsync(summary);
        await Expect(phone.Locator("#section-Title")).ToHaveValueAsync("Crianza de cuyes en Muyurina");
        await Expect(phone.GetByTestId("save-indicator")).ToHaveAttributeAsync("data-state", "Saved", new() { Timeout = 15_000 });
        Assert.Equal(summary, await SummaryInDatabaseAsync(profileId));
    }

    private IDbContextFactory<ContestsDbContext> TechnicianDb => portals.Technician.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    private static async Task<int> PendingScorecardAsync(IDbContextFactory<ContestsDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await FullDemo.PendingFieldScorecardAsync(db)).Id;
    }

    private static async Task<List<string>> CacheEntryIdsAsync(IDbContextFactory<ContestsDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.CacheEntries.Select(e => e.Id).ToListAsync();
    }

    /// <summary>
    /// Waits until the portal, past the two seconds it keeps a disconnected circuit, has written the
    /// circuit's state to the database (<paramref name="stored"/>, armed before the connection was cut),
    /// and returns the one entry of CacheEntries that was not there before. Up to 60 s: should the
    /// server miss the socket's close, it still notices the silence after SignalR's 30-second client
    /// timeout. Once the page resumes, the entry is gone (taken).
    /// </summary>
    private static async Task<string> EvictedCircuitAsync(Task stored, IDbContextFactory<ContestsDbContext> factory, List<string> earlier)
    {
        await stored.WaitAsync(TimeSpan.FromSeconds(60));
        return Assert.Single((await CacheEntryIdsAsync(factory)).Except(earlier));
    }

    private static async Task<decimal[]> SavedPointsAsync(IDbContextFactory<ContestsDbContext> factory, int scorecardId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var scorecard = await db.Scorecards.AsNoTracking().Include(s => s.Points).SingleAsync(s => s.Id == scorecardId);
        return scorecard.Points.Where(p => p.Points is not null).Select(p => p.Points!.Value).Order().ToArray();
    }

    private async Task<string> SummaryInDatabaseAsync(int profileId)
    {
        await using var db = await portals.Group.Db.CreateDbContextAsync();
        return await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.Summary).SingleAsync();
    }

    /// <summary>
    /// What Blazor's client logs as errors while its connection is down and its attempts fail, and
    /// Chromium's failed requests and sockets meanwhile (a socket refused while a copy restarts).
    /// </summary>
    [GeneratedRegex(@"Connection disconnected with error|Failed to complete negotiation|Failed to start the connection|(Failed to load resource|Error in connection establishment): net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED)|WebSocket failed to connect|Failed to fetch")]
    private static partial Regex DroppedConnection();

    [GeneratedRegex(@"/profiles/(\d+)/edit$")]
    private static partial Regex EditorPage();
}

/// <summary>
/// The page's WebSockets to the portal, routed through Playwright so a test can cut them (as a
/// lost signal does), refuse new ones while offline, or stop forwarding what the page sends.
/// </summary>
internal sealed class BrowserLink
{
    private readonly List<(IWebSocketRoute Page, IWebSocketRoute Server)> _open = [];
    private volatile bool _offline;
    private volatile bool _frozen;

    public Task RouteAsync(IPage page) => page.Context.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
    {
        if (_offline)
        {
            _ = socket.CloseAsync();
            return;
        }
        var server = socket.ConnectToServer();
        socket.OnMessage(frame =>
        {
            if (_frozen)
            {
                return;
            }
            if (frame.Binary is { } binary)
            {
                server.Send(binary);
            }
            else
            {
                server.Send(frame.Text ?? "");
            }
        });
        lock (_open)
        {
            _open.Add((socket, server));
        }
    });

    /// <summary>The network goes: the browser is offline and its open sockets close at both ends.</summary>
    public async Task DropAsync(IPage page)
    {
        _offline = true;
        await page.Context.SetOfflineAsync(true);
        List<(IWebSocketRoute Page, IWebSocketRoute Server)> open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }
        foreach (var (socket, server) in open)
        {
            await server.CloseAsync();
            await socket.CloseAsync();
        }
    }

    public async Task RestoreAsync(IPage page)
    {
        _offline = false;
        await page.Context.SetOfflineAsync(false);
    }

    /// <summary>What the page sends from now on is lost on the way, as on a network that stalls.</summary>
    public void Freeze() => _frozen = true;

    public void Thaw() => _frozen = false;
}

/// <summary>
/// The juror's copy: PostgreSQL, the demo of every stage, a disconnected circuit kept two seconds.
/// The group's copy: PostgreSQL, a circuit kept as in production. Each is restarted by the test on
/// its own port and database, as a deployment replaces a copy. The technician's portal: SQLite
/// (one server), the demo of every stage, a circuit kept two seconds.
/// </summary>
public sealed class ReconnectPortals : IAsyncLifetime
{
    public ObservedPortal Technician { get; private set; } = null!;

    public RestartableCopy Juror { get; private set; } = null!;

    public RestartableCopy Group { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Technician = new ShortRetentionPortal();
        Juror = new RestartableCopy(new Dictionary<string, string?> { ["Seed:DemoCycle"] = "true", ["Circuits:DisconnectedRetention"] = "00:00:02" });
        Group = new RestartableCopy(new Dictionary<string, string?>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await (Group?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Juror?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (Technician?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private sealed class ShortRetentionPortal() : ObservedPortal(new Dictionary<string, string?>
    {
        ["Seed:DemoCycle"] = "true",
        ["Circuits:DisconnectedRetention"] = "00:00:02",
    });
}

/// <summary>A <see cref="KestrelPortal"/> whose writes to its distributed cache a test can await (<see cref="Infrastructure.CacheWrites"/>).</summary>
public class ObservedPortal(IDictionary<string, string?> settings, int port = 0) : KestrelPortal(settings, port)
{
    // Initialised before the base constructor starts the server, which configures the host.
    public CacheWrites CacheWrites { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CacheWrites.Observe(builder);
    }
}

/// <summary>A copy of the portal on a fresh PostgreSQL database and a port of its own, which the test restarts on that same port.</summary>
public sealed class RestartableCopy : IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder _server = new(TestPrerequisites.PostgresConnectionString);
    private readonly string _database = "haku_reconnect_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, string?> _settings;
    private readonly int _port = FreePort();

    public RestartableCopy(Dictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ConnectionString,
        };
        Current = new PortalOnPort(_settings, _port);
    }

    public ObservedPortal Current { get; private set; }

    public IDbContextFactory<ContestsDbContext> Db => Current.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    /// <summary>Stops the copy, as a deployment does, and starts a new one on the same port and database: nothing of the old one's memory survives.</summary>
    public async Task RestartAsync()
    {
        await Current.DisposeAsync();
        Current = new PortalOnPort(_settings, _port);
    }

    public async ValueTask DisposeAsync()
    {
        await Current.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class PortalOnPort(IDictionary<string, string?> settings, int port) : ObservedPortal(settings, port);
}
