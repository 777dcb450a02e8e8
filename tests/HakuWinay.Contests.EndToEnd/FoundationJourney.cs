using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>The first things anyone does on the portal: look at the open contests, switch language, sign in and out.</summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class FoundationJourney(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
    : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task Home_page_shows_the_open_demo_contest_in_Spanish_without_sign_in()
    {
        var page = await OpenPageAsync();

        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Concursos");
        await Expect(page.GetByTestId("contest-card")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("contest-card")).ToContainTextAsync("AYA-2026-01");
        await Expect(SignInLink(page)).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("admin@demo.hakuwinay.pe", "/admin", "admin-dashboard")]
    [InlineData("jurado1@demo.hakuwinay.pe", "/juror", "juror-dashboard")]
    [InlineData("grupo1@demo.hakuwinay.pe", "/producer", "producer-dashboard")]
    [InlineData("tecnico@demo.hakuwinay.pe", "/technician", "technician-dashboard")]
    public async Task Demo_user_signs_in_from_the_home_page_lands_on_their_dashboard_and_signs_out(string email, string dashboard, string dashboardTestId)
    {
        var page = await OpenPageAsync();
        await page.GotoAsync("/");

        await SignInLink(page).ClickAsync();
        await FillLoginFormAsync(page, email, PortalFactory.DemoPassword);
        await SignInButton(page).ClickAsync();

        await Expect(page).ToHaveURLAsync(Portal.Url(dashboard));
        await Expect(page.GetByTestId(dashboardTestId)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(email);

        await SignOutButton(page).ClickAsync();

        await Expect(page).ToHaveURLAsync(Portal.Url("/"));
        await Expect(SignInLink(page)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_password_shows_the_Spanish_error_and_stays_on_the_login_page()
    {
        var page = await OpenPageAsync();
        await page.GotoAsync("/account/login");

        await FillLoginFormAsync(page, "admin@demo.hakuwinay.pe", "not-the-password");
        await SignInButton(page).ClickAsync();

        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("El correo o la contraseña no son correctos");
        await Expect(page).ToHaveURLAsync(Portal.Url("/account/login"));
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Language_switch_turns_the_portal_to_English_and_back_to_Spanish()
    {
        var page = await OpenPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("contests");
        await Expect(page).ToHaveURLAsync(Portal.Url("/"));

        await page.GetByRole(AriaRole.Link, new() { Name = "ES", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(SignInLink(page)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Concursos");
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_its_toggler_to_sign_in_and_out()
    {
        var page = await OpenPageAsync(Devices.Phone);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("contest-card")).ToBeVisibleAsync();

        await Expect(page.Locator(".navbar-toggler")).ToBeVisibleAsync();
        await Expect(SignInLink(page)).ToBeHiddenAsync();
        await OpenPhoneMenuAsync(page);
        await SignInLink(page).TapAsync();
        await FillLoginFormAsync(page, "grupo1@demo.hakuwinay.pe", PortalFactory.DemoPassword);
        await SignInButton(page).TapAsync();

        await Expect(page).ToHaveURLAsync(Portal.Url("/producer"));
        await Expect(page.GetByTestId("producer-dashboard")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToBeHiddenAsync();

        await OpenPhoneMenuAsync(page);
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("grupo1@demo.hakuwinay.pe");
        await SignOutButton(page).TapAsync();

        await Expect(page).ToHaveURLAsync(Portal.Url("/"));
        await OpenPhoneMenuAsync(page);
        await Expect(SignInLink(page)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Unknown_address_shows_the_Spanish_not_found_page()
    {
        var page = await OpenPageAsync();
        // The portal answers 404, as it should, and Chromium logs every 404 response as a console error.
        ExpectConsoleError(Portal.Url("/no-existe-esta-pagina"), "Failed to load resource: the server responded with a status of 404 (Not Found)");

        var response = await page.GotoAsync("/no-existe-esta-pagina");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("No encontramos esta página");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Volver al inicio" })).ToBeVisibleAsync();
    }

    // The navbar's link to the login page and the login form's button share the text "Ingresar".
    private static ILocator SignInLink(IPage page) => page.GetByRole(AriaRole.Link, new() { Name = "Ingresar", Exact = true });

    private static ILocator SignInButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true });

    private static ILocator SignOutButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Salir", Exact = true });

    // Bootstrap's collapse animates the menu open for 0.35 s, clipping it meanwhile: a tap during that
    // time can land on another link. The menu is fully open once it has the class "show".
    private static async Task OpenPhoneMenuAsync(IPage page)
    {
        await page.Locator(".navbar-toggler").TapAsync();
        await Expect(page.Locator(".navbar-collapse")).ToHaveClassAsync(ShownMenu());
    }

    [GeneratedRegex(@"\bshow\b")]
    private static partial Regex ShownMenu();
}
