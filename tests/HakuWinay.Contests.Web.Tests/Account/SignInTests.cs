using System.Net;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Web.Tests.Account;

public sealed class SignInTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private HttpClient Client() => _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("admin@demo.hakuwinay.pe", "/admin")]
    [InlineData("jurado1@demo.hakuwinay.pe", "/juror")]
    [InlineData("grupo1@demo.hakuwinay.pe", "/producer")]
    [InlineData("tecnico@demo.hakuwinay.pe", "/technician")]
    public async Task Demo_user_signs_in_and_lands_on_their_dashboard(string email, string dashboard)
    {
        using var client = Client();

        using var response = await SignIn.PostLoginAsync(client, email, PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(dashboard, new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        using var page = await client.GetAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_spanish_message_and_no_cookie()
    {
        using var client = Client();

        using var response = await SignIn.PostLoginAsync(client, "admin@demo.hakuwinay.pe", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-error\"", html);
        Assert.Contains("El correo o la contraseña no son correctos", html);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = Client();

        using var response = await SignIn.PostLoginAsync(client, "nobody@demo.hakuwinay.pe", "whatever-password");

        Assert.Contains("El correo o la contraseña no son correctos", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        using var client = Client();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignIn.PostLoginAsync(client, "jurado2@demo.hakuwinay.pe", "wrong-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await SignIn.PostLoginAsync(client, "jurado2@demo.hakuwinay.pe", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("15 minutos", await right.Content.ReadAsStringAsync());
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_account_get_the_same_answer()
    {
        using var client = Client();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignIn.PostLoginAsync(client, "jurado3@demo.hakuwinay.pe", "wrong-" + attempt);
        }

        var locked = ErrorBox(await (await SignIn.PostLoginAsync(client, "jurado3@demo.hakuwinay.pe", PortalFactory.DemoPassword)).Content.ReadAsStringAsync());
        var wrongPassword = ErrorBox(await (await SignIn.PostLoginAsync(client, "admin@demo.hakuwinay.pe", "not-the-password")).Content.ReadAsStringAsync());
        var unknown = ErrorBox(await (await SignIn.PostLoginAsync(client, "nobody@demo.hakuwinay.pe", "not-the-password")).Content.ReadAsStringAsync());

        Assert.Equal(wrongPassword, locked);
        Assert.Equal(wrongPassword, unknown);
    }

    private static string ErrorBox(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\">([^<]*)<").Groups[1].Value is { Length: > 0 } text
            ? text
            : throw new Xunit.Sdk.XunitException("The answer has no sign-in error box.");

    [Theory]
    [InlineData("", "")]
    [InlineData("not-an-email", "x")]
    public async Task An_empty_or_malformed_form_is_refused_next_to_its_fields(string email, string password)
    {
        using var client = Client();

        using var response = await SignIn.PostLoginAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.True(html.Contains("Este dato es obligatorio.", StringComparison.Ordinal) || html.Contains("Escriba un correo válido", StringComparison.Ordinal), html);
    }

    [Fact]
    public async Task An_oversized_password_is_refused_without_error()
    {
        using var client = Client();

        using var response = await SignIn.PostLoginAsync(client, "admin@demo.hakuwinay.pe", new string('x', 100_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("El texto es demasiado largo.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_return_url_off_site_is_ignored_after_sign_in()
    {
        using var client = Client();

        using var response = await SignIn.PostLoginAsync(client, "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword, "https://evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(client.BaseAddress!.Host, target.Host);
        Assert.Equal("/admin", target.AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_needs_the_form_token_and_ends_the_session()
    {
        using var client = Client();
        await SignIn.AsAsync(client, "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword);

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        using var stillIn = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        var page = await client.GetStringAsync("/admin");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
        }));
        using var after = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", new Uri(client.BaseAddress!, after.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
    }
}
