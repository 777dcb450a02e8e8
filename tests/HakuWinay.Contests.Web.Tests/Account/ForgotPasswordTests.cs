using System.Net;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HakuWinay.Contests.Web.Tests.Account.AccountTestClients;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>Forgot-password answers alike for any email, mails only an account's owner, and its link ends every session.</summary>
public sealed class ForgotPasswordTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string ResetSubject = "Cambio de contraseña";
    private PortalFactory Portal => fixture.Factory;

    private Task<HttpResponseMessage> AskAsync(string email) =>
        Registration.PostFormAsync(Browser(Portal), "/account/forgot-password", "forgot-password", [new("Input.Email", email)]);

    [Fact]
    public async Task The_sign_in_page_links_to_it()
    {
        Assert.Contains("href=\"account/forgot-password\"", await Browser(Portal).GetStringAsync("/account/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_and_unknown_emails_get_the_same_answer_and_only_the_known_one_an_email()
    {
        await NewAccountAsync(Portal, "olvido@correo.pe", "papas nativas de Huanta");

        using var known = await AskAsync("olvido@correo.pe");
        using var unknown = await AskAsync("nadie.aqui@correo.pe");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownPage = WithoutPerRequestValues(await known.Content.ReadAsStringAsync());
        Assert.Contains("Si existe una cuenta con ese correo, le enviamos un enlace", knownPage, StringComparison.Ordinal);
        Assert.Equal(knownPage, WithoutPerRequestValues(await unknown.Content.ReadAsStringAsync()));
        Assert.NotNull(await Registration.LatestEmailAsync(Portal, "olvido@correo.pe", ResetSubject));
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Outbox.AnyAsync(m => m.To == "nadie.aqui@correo.pe"));
    }

    [Fact]
    public async Task The_reset_link_sets_the_password_once_and_a_cookie_copied_before_is_refused()
    {
        const string email = "reinicio@correo.pe";
        await NewAccountAsync(Portal, email, "papas nativas de Huanta");
        var copied = await CopiedCookieAsync(Portal, email, "papas nativas de Huanta");
        using var ask = await AskAsync(email);
        var link = await Registration.LinkInEmailAsync(Portal, email, ResetSubject);
        var browser = Browser(Portal);

        Assert.Contains("Elegir una contraseña nueva", await browser.GetStringAsync(link), StringComparison.Ordinal);
        using var reset = await Registration.PostFormAsync(browser, link, "set-password",
            [new("Input.Password", "quinua roja del valle"), new("Input.ConfirmPassword", "quinua roja del valle")]);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await CookieOpensAccountAsync(Portal, copied));
        using var withNew = await SignIn.PostLoginAsync(Browser(Portal), email, "quinua roja del valle");
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        using var withOld = await SignIn.PostLoginAsync(Browser(Portal), email, "papas nativas de Huanta");
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        using var reused = await Registration.PostFormAsync(Browser(Portal), link, "set-password",
            [new("Input.Password", "otra frase para el valle"), new("Input.ConfirmPassword", "otra frase para el valle")]);
        Assert.Contains("Pida otro en «¿Olvidó su contraseña?»", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
