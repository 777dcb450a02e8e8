using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>
/// A test that drives the portal in the shared browser. Each page it opens gets a fresh context
/// (no cookies, no culture choice, no sign-in) whose base URL is the portal. Every console error
/// and uncaught script error on those pages is recorded, and the test fails at its end if there
/// was any: a journey that "works" while the page throws is not working.
/// What the pages did (navigations, console messages, failed requests) goes to the test output,
/// which xunit shows with a failure: enough to tell what happened without rerunning.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<BrowserError> _browserErrors = new();
    private readonly List<BrowserError> _expectedErrors = [];
    private readonly List<Regex> _expectedPatterns = [];

    protected KestrelPortal Portal { get; } = portal;

    /// <summary>
    /// A new page in a new context, at a desktop size or with the given device settings, on the
    /// test's portal or on another copy of it.
    /// </summary>
    protected async Task<IPage> OpenPageAsync(BrowserNewContextOptions? device = null, KestrelPortal? on = null)
    {
        var options = new BrowserNewContextOptions(device ?? new()) { BaseURL = (on ?? Portal).BaseUrl.ToString() };
        var context = await browser.Browser.NewContextAsync(options);
        _contexts.Add(context);
        context.Page += (_, page) => Watch(page);
        return await context.NewPageAsync();
    }

    /// <summary>Fills the sign-in form's email and password; the caller presses the button (by click or tap).</summary>
    protected static async Task FillLoginFormAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
    }

    /// <summary>
    /// Runs an edit and waits until the editor says a save has succeeded since, with none
    /// pending: the signal that what the edit typed is in the database.
    /// </summary>
    protected static async Task SavedAfterAsync(IPage page, Func<Task> edit)
    {
        var indicator = page.GetByTestId("save-indicator");
        var before = int.Parse(await indicator.GetAttributeAsync("data-saves") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await edit();
        await page.WaitForFunctionAsync(
            """
            before => {
                const el = document.querySelector('[data-testid="save-indicator"]');
                return el && el.dataset.state === 'Saved' && Number(el.dataset.saves) > before && el.dataset.pending === '0';
            }
            """,
            before);
    }

    /// <summary>Signs a demo account in (the demo password) through the form, and waits for the page its role lands on.</summary>
    protected async Task SignInAsync(IPage page, string email, string landing, KestrelPortal? on = null)
    {
        await page.GotoAsync("/account/login");
        await FillLoginFormAsync(page, email, HakuWinay.Contests.Testing.PortalFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync((on ?? Portal).Url(landing));
    }

    /// <summary>
    /// Signs in from the sign-in page reached on the way to <paramref name="path"/>, and lands there:
    /// the page is the first with a circuit in this browser, so no page left behind holds another.
    /// </summary>
    protected async Task SignInToAsync(IPage page, string email, string path, KestrelPortal? on = null)
    {
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(path));
        await FillLoginFormAsync(page, email, HakuWinay.Contests.Testing.PortalFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync((on ?? Portal).Url(path));
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            Log($"console.{message.Type}: {message.Text}");
            if (message.Type == "error")
            {
                _browserErrors.Enqueue(new BrowserError("console error", page.Url, message.Text, message.Location));
            }
        };
        page.PageError += (_, error) =>
        {
            Log($"uncaught error: {error}");
            _browserErrors.Enqueue(new BrowserError("uncaught error", page.Url, error, Location: null));
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                Log($"at {frame.Url}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Log($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => Log($"request failed: {request.Method} {request.Url}: {request.Failure}");
    }

    private void Log(string line) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,7:F3}s {line}");

    /// <summary>
    /// Declares a console error that the test provokes on purpose, such as Chromium's report of a
    /// page answered with 404. It must then occur, exactly once, on that page; only then is it not a failure.
    /// </summary>
    protected void ExpectConsoleError(string pageUrl, string text) =>
        _expectedErrors.Add(new BrowserError("console error", pageUrl, text, Location: null));

    /// <summary>
    /// Declares console errors a test provokes on purpose and whose number it cannot know, such as
    /// Blazor's reports of each failed reconnection attempt while the test keeps the browser offline.
    /// At least one must occur; all that match are then not failures.
    /// </summary>
    protected void ExpectConsoleErrors(Regex text) => _expectedPatterns.Add(text);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        var unexpected = _browserErrors.ToList();
        var missing = new List<BrowserError>();
        foreach (var expected in _expectedErrors)
        {
            var index = unexpected.FindIndex(expected.Matches);
            if (index < 0)
            {
                missing.Add(expected);
            }
            else
            {
                unexpected.RemoveAt(index);
            }
        }
        foreach (var pattern in _expectedPatterns)
        {
            if (unexpected.RemoveAll(e => e.Kind == "console error" && pattern.IsMatch(e.Text)) == 0)
            {
                missing.Add(new BrowserError("console error", "(any page)", pattern.ToString(), Location: null));
            }
        }
        Assert.True(unexpected.Count == 0 && missing.Count == 0,
            Describe("The browser reported errors:", unexpected) + Describe("Expected errors that did not occur:", missing));
    }

    private static string Describe(string heading, List<BrowserError> errors) =>
        errors.Count == 0 ? "" : string.Join(Environment.NewLine, errors.Prepend<object>(heading)) + Environment.NewLine;

    private sealed record BrowserError(string Kind, string PageUrl, string Text, string? Location)
    {
        public bool Matches(BrowserError recorded) => recorded.Kind == Kind && recorded.PageUrl == PageUrl && recorded.Text == Text;

        public override string ToString() => $"  {Kind} on {PageUrl}: {Text}" + (Location is null ? "" : $" (at {Location})");
    }
}
