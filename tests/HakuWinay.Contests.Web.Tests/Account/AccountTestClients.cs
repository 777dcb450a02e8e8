using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>Browsers, stolen cookies and pages compared as a person would see them, for the account tests.</summary>
internal static partial class AccountTestClients
{
    public static HttpClient Browser(PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A confirmed, signed-in producer with a new email; returns its browser.</summary>
    public static async Task<HttpClient> NewAccountAsync(PortalFactory portal, string email, string password)
    {
        var browser = Browser(portal);
        await Registration.RegisterAndConfirmAsync(portal, browser, email, password);
        return browser;
    }

    /// <summary>Signs in from another browser and keeps its authentication cookie, as a thief would copy it.</summary>
    public static async Task<string> CopiedCookieAsync(PortalFactory portal, string email, string password)
    {
        using var other = Browser(portal);
        using var response = await SignIn.PostLoginAsync(other, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0])
            .ToList();
        Assert.NotEmpty(auth);
        return string.Join("; ", auth);
    }

    /// <summary>True when the cookie alone still opens the signed-in person's account page.</summary>
    public static async Task<bool> CookieOpensAccountAsync(PortalFactory portal, string cookie)
    {
        using var thief = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        using var response = await thief.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal));

    /// <summary>The page without what differs on every answer anyway (antiforgery tokens, nonces, Blazor's markers and encrypted component state).</summary>
    public static string WithoutPerRequestValues(string html) =>
        BlazorMarker().Replace(Nonce().Replace(Antiforgery().Replace(html, "value=\"TOKEN\""), "nonce=\"NONCE\""), "<!--Blazor-->");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial Regex BlazorMarker();
}
