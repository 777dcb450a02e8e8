using HakuWinay.Contests.Testing;
using Microsoft.Playwright;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run: launching it costs about a second, a fresh context
/// per test costs milliseconds and isolates cookies and storage just as well.
/// It is Debian's chromium package (see <see cref="TestPrerequisites.Chromium"/>); Playwright never
/// downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched yet.");

    public async Task InitializeAsync()
    {
        // Expect(...) polls until its condition holds, so a longer limit costs nothing when the
        // portal is quick; Playwright's 5 s default is too tight for a 2-core CI box that is busy.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync();
    }

    /// <summary>
    /// Another Chromium, with extra command-line switches (e.g. a host resolver rule), for the test
    /// that needs them; the caller closes it.
    /// </summary>
    public Task<IBrowser> LaunchAsync(params string[] extraArgs)
    {
        var playwright = _playwright ?? throw new InvalidOperationException("Playwright has not started yet.");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestPrerequisites.Chromium,
            Headless = true,
            // No sandbox: the tests run as root in a container. The rest keeps Chromium off the
            // network (there is none here) and quiet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", .. extraArgs],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>The end-to-end test classes share one browser and so run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser journeys";
}
