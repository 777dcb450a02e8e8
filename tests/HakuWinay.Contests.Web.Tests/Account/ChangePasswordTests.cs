using System.Net;
using HakuWinay.Contests.Testing;
using static HakuWinay.Contests.Web.Tests.Account.AccountTestClients;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>"Mi cuenta": a signed-in person changes the password; other copies of the session die, this browser stays in.</summary>
public sealed class ChangePasswordTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Current = "alpacas del nevado 2026";
    private PortalFactory Portal => fixture.Factory;

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string next) =>
        Registration.PostFormAsync(browser, "/account", "change-password",
            [new("Input.CurrentPassword", current), new("Input.Password", next), new("Input.ConfirmPassword", next)]);

    [Fact]
    public async Task The_navbar_links_to_my_account()
    {
        var browser = await NewAccountAsync(Portal, "menu@correo.pe", Current);

        Assert.Contains("href=\"account\"", await browser.GetStringAsync("/producer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_spanish()
    {
        var browser = await NewAccountAsync(Portal, "actual.mal@correo.pe", Current);

        using var response = await ChangeAsync(browser, "no es la clave de antes", "quinua roja del valle");

        Assert.Contains("La contraseña actual no es correcta.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillOld = await SignIn.PostLoginAsync(Browser(Portal), "actual.mal@correo.pe", Current);
        Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_in_spanish()
    {
        var browser = await NewAccountAsync(Portal, "nueva.debil@correo.pe", Current);

        using var response = await ChangeAsync(browser, Current, "corta");

        Assert.Contains("La contraseña es muy corta: use al menos 10 caracteres.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_keeps_this_browser_signed_in_and_refuses_a_cookie_copied_before()
    {
        const string email = "cambio@correo.pe";
        var browser = await NewAccountAsync(Portal, email, Current);
        var copied = await CopiedCookieAsync(Portal, email, Current);
        Assert.True(await CookieOpensAccountAsync(Portal, copied));

        using var response = await ChangeAsync(browser, Current, "quinua roja del valle");

        Assert.Contains("data-testid=\"password-changed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var mine = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.False(await CookieOpensAccountAsync(Portal, copied));
        using var withNew = await SignIn.PostLoginAsync(Browser(Portal), email, "quinua roja del valle");
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }

    [Fact]
    public async Task My_account_asks_a_visitor_to_sign_in()
    {
        using var response = await Browser(Portal).GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
