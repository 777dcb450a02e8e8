using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HakuWinay.Contests.EndToEnd.Accessibility;

/// <summary>
/// Every page of the access matrix (<see cref="PageAccess.ExpectedAccess"/>), for every role that
/// may open it, in Spanish (es-PE), after the demo's results are published: axe finds no serious or
/// critical violation at a desktop's 1280 px nor at a cheap phone's 360 px, and at 360 px no page is
/// wider than the screen. One browser context per role and width is signed in once and reused
/// across its pages. See docs/accessibility.md.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class AccessibilityTour(BrowserFixture browser, TourPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<TourPortal>
{
    private const int Phone = 360;
    private const int Desktop = 1280;
    private const int MinimumTarget = 44;

    private static readonly string[] Principals = [PageAccess.Anonymous, Roles.Admin, Roles.Juror, Roles.Producer, Roles.Technician];

    private static readonly Dictionary<string, string> Landing = new()
    {
        [Roles.Admin] = "/admin",
        [Roles.Juror] = "/juror",
        [Roles.Producer] = "/producer",
        [Roles.Technician] = "/technician",
    };

    /// <summary>The impacts that fail the tour; minor and moderate findings are printed to the test output only.</summary>
    private static readonly HashSet<string> Failing = ["serious", "critical"];

    /// <summary>Rules switched off, each with its reason in docs/accessibility.md.</summary>
    private static readonly AxeRunOptions Options = new()
    {
        Rules = new Dictionary<string, RuleOptions>
        {
        },
        // Only the violations come back: passes and incomplete results are most of axe's answer and of its time.
        ResultTypes = [ResultType.Violations],
    };

    private readonly ITestOutputHelper _output = output;

    /// <summary>One case per width and role, so each is short, reports on its own, and a slow one is named.</summary>
    public static TheoryData<int, string> WidthsAndPrincipals()
    {
        var data = new TheoryData<int, string>();
        foreach (var width in new[] { Desktop, Phone })
        {
            foreach (var principal in Principals)
            {
                data.Add(width, principal);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WidthsAndPrincipals))]
    public async Task No_page_has_a_serious_or_critical_axe_violation(int width, string principal)
    {
        var violations = new List<string>();
        var clock = Stopwatch.StartNew();
        var checkedPages = 0;
        await foreach (var (page, url) in TourAsync(principal, width))
        {
            checkedPages++;
            var result = await page.RunAxe(Options);
            foreach (var violation in result.Violations)
            {
                var line = $"{url} as {principal} at {width} px: {violation.Id} ({violation.Impact}) at "
                    + string.Join(" | ", violation.Nodes.Select(n => n.Target?.ToString()));
                if (Failing.Contains(violation.Impact ?? ""))
                {
                    violations.Add(line);
                }
                else
                {
                    _output.WriteLine("not failing: " + line);
                }
            }
        }
        _output.WriteLine($"axe checked {checkedPages} pages as {principal} at {width} px in {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe violations:{Environment.NewLine}" + string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task No_page_is_wider_than_a_360_px_phone_nor_has_a_control_smaller_than_44_px_for_any_role()
    {
        var tooWide = new List<string>();
        var tooSmall = new List<string>();
        foreach (var principal in Principals)
        {
            await foreach (var (page, url) in TourAsync(principal, Phone))
            {
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (width > Phone)
                {
                    var widest = await page.EvaluateAsync<string>(WidestElements, Phone);
                    tooWide.Add($"{url} as {principal}: {width} px wide (past the edge: {widest})");
                }
                var small = await page.EvaluateAsync<string[]>(SmallTargets, MinimumTarget);
                tooSmall.AddRange(small.Select(target => $"{url} as {principal}: {target}"));
            }
        }
        Assert.True(tooWide.Count == 0 && tooSmall.Count == 0,
            $"Pages wider than {Phone} px:{Environment.NewLine}" + string.Join(Environment.NewLine, tooWide) + Environment.NewLine
            + $"Controls smaller than {MinimumTarget} × {MinimumTarget} px:{Environment.NewLine}" + string.Join(Environment.NewLine, tooSmall));
    }

    /// <summary>
    /// Opens, one after another in one signed-in context, every page the principal may open, and
    /// hands each over once it has settled (see <see cref="SettledAsync"/>).
    /// </summary>
    private async IAsyncEnumerable<(IPage Page, string Url)> TourAsync(string principal, int width)
    {
        var page = await OpenPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width == Phone ? 740 : 900 },
            IsMobile = width == Phone,
            HasTouch = width == Phone,
            Locale = "es-PE",
        });
        if (principal != PageAccess.Anonymous)
        {
            await SignInAsync(page, portal.Accounts[principal], Landing[principal]);
        }
        var pages = 0;
        foreach (var (route, rule) in PageAccess.ExpectedAccess)
        {
            if (rule.Roles is not null && !rule.Roles.Contains(principal))
            {
                continue;
            }
            var url = portal.UrlOf(route, rule);
            var response = await page.GotoAsync(url);
            if (response?.Status == 404)
            {
                ExpectConsoleError(page.Url, "Failed to load resource: the server responded with a status of 404 (Not Found)");
            }
            await SettledAsync(page);
            pages++;
            yield return (page, url);
        }
        Assert.True(pages > 0, $"{principal} opened no page");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Waits until the page is loaded and, if it has interactive server components, until its
    /// circuit is up (wwwroot/HakuWinay.Contests.Web.lib.module.js marks it) and no live fieldset
    /// still waits for interactivity.
    /// </summary>
    private static async Task SettledAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            """
            () => {
                if (document.readyState !== 'complete') return false;
                const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
                let server = false;
                while (!server && comments.nextNode()) server = comments.currentNode.data.includes('"type":"server"');
                if (server && document.documentElement.dataset.circuit !== 'started') return false;
                return !document.querySelector('[data-interactive="false"]');
            }
            """);

    /// <summary>
    /// The outermost elements whose right edge passes the screen's (their parent's does not), named by
    /// tag, id and classes; what a scroll box (.table-responsive) holds does not count.
    /// </summary>
    private const string WidestElements =
        """
        width => {
            const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
            const past = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > width + 0.5 && !clipped(e));
            const set = new Set(past);
            return past.filter(e => !set.has(e.parentElement)).slice(0, 3).map(Name).join(', ') || 'none';
            function Name(e) {
                return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            }
        }
        """;

    /// <summary>
    /// The visible buttons, inputs, selects and links of lists in the page's content (and the menu's
    /// toggler) smaller than a thumb: check boxes and radio buttons count by their row, with the label;
    /// a visually-hidden control (1 × 1 px, for the keyboard's Enter) is not a target.
    /// </summary>
    private const string SmallTargets =
        """
        min => {
            const selector = 'main button, main .btn, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main select, main textarea, main li > a, .navbar-toggler, main .form-check';
            return [...document.querySelectorAll(selector)]
                .filter(e => e.checkVisibility())
                .map(e => [e, e.getBoundingClientRect()])
                .filter(([, r]) => r.width > 1 && r.height > 1 && (r.width < min - 0.5 || r.height < min - 0.5))
                .map(([e, r]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)} × ${Math.round(r.height)} px`);
        }
        """;
}
