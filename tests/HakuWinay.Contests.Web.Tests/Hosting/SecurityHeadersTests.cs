using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>What the portal sends holds against attack: the same headers on every response, and no 500 for odd requests.</summary>
public sealed partial class SecurityHeadersTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Admin = "admin@demo.hakuwinay.pe";

    private HttpClient Client() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("*", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var permissions = response.Headers.GetValues("Permissions-Policy").Single();
        foreach (var feature in new[] { "camera=()", "geolocation=()", "microphone=()", "payment=()", "usb=()" })
        {
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
        }
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/favicon.png")]
    [InlineData("/no-such-page")]
    public async Task Every_anonymous_response_carries_the_security_headers(string url)
    {
        using var response = await Client().GetAsync(url);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_page_runs_its_inline_import_map_by_the_nonce_of_its_own_policy_only()
    {
        using var client = Client();
        using var first = await client.GetAsync("/");
        using var second = await client.GetAsync("/");

        var nonce = ScriptNonce().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
        var html = await first.Content.ReadAsStringAsync();
        Assert.NotEmpty(nonce);
        Assert.Matches($"<script[^>]*nonce=\"{nonce}\"", html);
        Assert.DoesNotContain(nonce, second.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_download_and_job_dashboard_of_an_admin_carry_every_header()
    {
        using var client = Client();
        await SignIn.AsAsync(client, Admin, PortalFactory.DemoPassword);

        using var page = await client.GetAsync("/admin/contests");
        using var dashboard = await client.GetAsync("/admin/jobs");
        using var export = await client.GetAsync("/admin/contests/1/submissions.csv");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        foreach (var response in new[] { page, dashboard, export })
        {
            AssertSecurityHeaders(response);
        }
        Assert.DoesNotContain("'unsafe-inline'", ScriptSrc().Match(page.Headers.GetValues("Content-Security-Policy").Single()).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/culture/set?culture=en&returnUrl=/%09/evil.example")]
    [InlineData("/culture/set?culture=en&returnUrl=/%0A/evil.example")]
    [InlineData("/culture/set?culture=en&returnUrl=//evil.example")]
    [InlineData("/culture/set?culture=en&returnUrl=/%5Cevil.example")]
    public async Task A_culture_switch_to_another_host_returns_home_instead_of_failing(string url)
    {
        using var response = await Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_with_a_return_url_to_another_host_returns_home_instead_of_failing()
    {
        using var client = Client();
        await SignIn.AsAsync(client, Admin, PortalFactory.DemoPassword);
        var form = await client.GetStringAsync("/admin/contests");
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value);

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "/\t/evil.example",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_job_dashboard_stats_endpoint_answers_without_a_server_error(bool asAdmin)
    {
        using var client = Client();
        if (asAdmin)
        {
            await SignIn.AsAsync(client, Admin, PortalFactory.DemoPassword);
        }

        using var response = await client.GetAsync("/admin/jobs/stats");

        Assert.True((int)response.StatusCode < 500, $"GET /admin/jobs/stats answered {(int)response.StatusCode}");
    }

    [GeneratedRegex("script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex ScriptNonce();

    [GeneratedRegex("script-src[^;]*")]
    private static partial Regex ScriptSrc();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
