using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Territories;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// The ministry's view on a 360-px phone: the Administrator opens the programme dashboard from the
/// menu, narrows it to one category and sees the figures change at once (no reload), with nothing
/// to scroll sideways but the tables themselves, then takes the table away as Excel.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class ProgrammeJourney(BrowserFixture browser, FullDemoKestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<FullDemoKestrelPortal>
{
    [Fact]
    public async Task On_a_phone_a_filter_changes_the_figures_in_place_and_the_table_downloads_as_excel()
    {
        var queries = ActivatorUtilities.CreateInstance<ProgrammeDashboardQueries>(Portal.Services);
        var all = (await queries.ComputeAsync(new ProgrammeFilter(), StaffScope.National)).Totals;
        var marcha = (await queries.ComputeAsync(new ProgrammeFilter(CategoryCode: "MARCHA"), StaffScope.National)).Totals;
        Assert.NotEqual(all.Applicants, marcha.Applicants);

        var page = await OpenPageAsync(Devices.Phone);
        await page.SetViewportSizeAsync(360, 740);
        await SignInAsync(page, "admin@demo.hakuwinay.pe", "/admin");
        await page.Locator(".navbar-toggler").TapAsync();
        await page.Locator("#main-nav").GetByRole(AriaRole.Link, new() { Name = "Programa", Exact = true }).TapAsync();
        await Expect(page.GetByTestId("total-applicants")).ToHaveTextAsync(all.Applicants.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=programme-filters]").Locator("xpath=ancestor::fieldset[@data-interactive='true']")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.Locator("#p-category").SelectOptionAsync("MARCHA");

        await Expect(page.GetByTestId("total-applicants")).ToHaveTextAsync(marcha.Applicants.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("total-funded")).ToHaveTextAsync(marcha.Funded.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The dashboard scrolls sideways at 360 px.");
        await Expect(page.GetByTestId("programme-money-chart").Locator("svg[role=img]")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("programme-regions-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var sheet = File.OpenRead(await download.PathAsync());
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(marcha.Applicants, rows.Sum(r => Convert.ToInt32(r["Postulantes"], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
