using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>A stolen copy of the session cookie dies with the session: at sign-out and at a password reset.</summary>
public sealed partial class SessionEndTests : IDisposable
{
    private const string Producer = "grupo1@demo.hakuwinay.pe";
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_dashboard()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var copy = await SignInAndCopyCookieAsync(browser);
        using var before = await GetWithCookieAsync("/producer", copy);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var logout = await SignOutAsync(browser);
        using var after = await GetWithCookieAsync("/producer", copy);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_from_before_a_password_reset_no_longer_opens_the_dashboard()
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var copy = await SignInAndCopyCookieAsync(browser);

        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(Producer) ?? throw new InvalidOperationException("No demo producer.");
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "nube tarde llama puerta");
            Assert.True(reset.Succeeded, string.Join("; ", reset.Errors.Select(e => e.Code)));
        }
        using var after = await GetWithCookieAsync("/producer", copy);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<string> SignInAndCopyCookieAsync(HttpClient browser)
    {
        using var response = await SignIn.PostLoginAsync(browser, Producer, PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0])
            .ToList();
        Assert.NotEmpty(auth);
        return string.Join("; ", auth);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var thief = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/producer");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        return await browser.PostAsync("/account/logout", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
