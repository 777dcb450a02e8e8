using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Web.Tests.Hosting;

public sealed class PublicEndpointsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private HttpClient Client() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Health_reports_the_database_and_the_job_storage()
    {
        using var client = Client();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/admin/no-such-page")]
    [InlineData("/contests/99999/../../etc/passwd")]
    public async Task An_unknown_url_gets_the_spanish_not_found_page(string url)
    {
        using var client = Client();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-found\"", html);
        Assert.Contains("No encontramos esta página", html);
    }

    [Fact]
    public async Task The_home_page_is_spanish_by_default_and_lists_the_open_demo_contest()
    {
        using var client = Client();

        var html = await client.GetStringAsync("/");

        Assert.Contains("lang=\"es\"", html);
        Assert.Contains("Convocatorias abiertas", html);
        Assert.Contains("AYA-2026-01", html);
        Assert.Contains("S/ 7,500.00", html);
    }

    [Fact]
    public async Task Choosing_english_switches_the_texts_and_returns_to_the_page()
    {
        var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var switched = await client.GetAsync("/culture/set?culture=en&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("Sign in to the portal", html);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task The_language_switch_never_redirects_off_site(string returnUrl)
    {
        using var client = Client();

        using var response = await client.GetAsync($"/culture/set?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("es-PE;<script>")]
    public async Task An_unsupported_language_is_refused_with_a_clear_message(string culture)
    {
        using var client = Client();

        using var response = await client.GetAsync($"/culture/set?culture={Uri.EscapeDataString(culture)}&returnUrl=%2F");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idioma no disponible", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_public_contest_page_shows_bases_timeline_amounts_conditions_and_lines_without_sign_in()
    {
        using var client = Client();

        using var response = await client.GetAsync("/contests/AYA-2026-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"contest-bases\"", html);
        Assert.Contains("<h2", html[html.IndexOf("contest-bases", StringComparison.Ordinal)..]);
        Assert.Contains("S/ 19,340.00", html);
        Assert.Contains("Grupos de 3 a 6 hogares", html);
        Assert.Contains("al menos 10 %", html);
        Assert.Contains("Asistencia técnica: como máximo 40 %", html);
        Assert.Contains("puntaje mínimo aprobatorio 70 de 100", html);
        Assert.Contains("Crianza de cuyes", html);
        Assert.Contains("Presentación pública ante el CLAR", html);
    }

    [Fact]
    public async Task The_home_page_links_each_open_contest_to_its_public_page()
    {
        using var client = Client();

        var html = await client.GetStringAsync("/");

        Assert.Contains("href=\"contests/AYA-2026-01\"", html);
    }

    [Theory]
    [InlineData("/contests/NO-EXISTE")]
    [InlineData("/contests/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/contests/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_or_malformed_contest_code_gets_the_not_found_page(string url)
    {
        using var client = Client();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No encontramos esta página", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }
}
