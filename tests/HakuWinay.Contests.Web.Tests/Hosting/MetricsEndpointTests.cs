using System.Net;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>/metrics: the Prometheus text to the configured addresses or the token's bearer, the portal's 404 to everyone else.</summary>
public sealed class MetricsEndpointTests
{
    private const string Token = "a-metrics-token-of-forty-characters-0123";
    private static readonly IPAddress Public = IPAddress.Parse("203.0.113.9");

    private static PortalFactory Portal(params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value));

    [Fact]
    public async Task From_loopback_metrics_answer_prometheus_text_with_the_http_server_metrics()
    {
        using var portal = Portal();
        using var client = portal.CreateClient();
        using var health = await client.GetAsync("/health");

        var scrape = await MetricsScrape.FromLoopbackAsync(portal);

        Assert.Equal(StatusCodes.Status200OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE ", scrape.Text, StringComparison.Ordinal);
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"), scrape.Text);
        Assert.True(scrape.Has("dotnet_gc_collections_total") || scrape.Has("process_runtime_dotnet_gc_collections_count_total"), "No runtime metric.");
        // The IPv6 loopback, and an IPv4 client seen through an IPv6 socket, are loopback too.
        Assert.Equal(StatusCodes.Status200OK, (await MetricsScrape.FromAsync(portal, IPAddress.IPv6Loopback)).StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await MetricsScrape.FromAsync(portal, IPAddress.Loopback.MapToIPv6())).StatusCode);
    }

    [Fact]
    public async Task From_another_address_metrics_are_404_without_the_token_and_with_a_wrong_one()
    {
        using var portal = Portal(("Telemetry:MetricsToken", Token));

        var anonymous = await MetricsScrape.FromAsync(portal, Public);
        var wrong = await MetricsScrape.FromAsync(portal, Public, bearer: Token[..^1] + "4");
        var right = await MetricsScrape.FromAsync(portal, Public, bearer: Token);

        Assert.Equal(StatusCodes.Status404NotFound, anonymous.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, wrong.StatusCode);
        Assert.DoesNotContain("# TYPE", anonymous.Text + wrong.Text, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status200OK, right.StatusCode);
        Assert.Contains("# TYPE ", right.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_networks_replace_loopback()
    {
        using var portal = Portal(("Telemetry:MetricsAllowedNetworks:0", "10.20.0.0/16"), ("Telemetry:MetricsAllowedNetworks:1", "192.0.2.7"));

        Assert.Equal(StatusCodes.Status200OK, (await MetricsScrape.FromAsync(portal, IPAddress.Parse("10.20.3.4"))).StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await MetricsScrape.FromAsync(portal, IPAddress.Parse("192.0.2.7"))).StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await MetricsScrape.FromAsync(portal, IPAddress.Parse("10.21.0.1"))).StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (await MetricsScrape.FromAsync(portal, IPAddress.Loopback)).StatusCode);
    }

    [Fact]
    public async Task Through_a_trusted_proxy_the_client_behind_it_is_judged_not_the_proxy()
    {
        using var portal = Portal();

        var context = await portal.Server.SendAsync(request =>
        {
            // README's nginx on the same machine: loopback, a trusted proxy, forwards a public client.
            request.Connection.RemoteIpAddress = IPAddress.Loopback;
            request.Request.Method = "GET";
            request.Request.Path = "/metrics";
            request.Request.Headers["X-Forwarded-For"] = Public.ToString();
        });

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    [Fact]
    public async Task In_production_a_scraper_reads_metrics_over_plain_http_on_the_copys_own_address()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://concursos.example.pe" }, environment: "Production");

        var scrape = await MetricsScrape.FromAsync(portal, IPAddress.Loopback, scheme: "http", host: "10.0.0.12:5001");

        Assert.Equal(StatusCodes.Status200OK, scrape.StatusCode);
        Assert.Contains("# TYPE ", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_postgresql_the_npgsql_connection_metrics_show()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPrerequisites.PostgresConnectionString);
        var database = "haku_metrics_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString;
        try
        {
            using (var portal = Portal(("Database:Provider", "PostgreSql"), ("ConnectionStrings:PostgreSql", connectionString)))
            {
                using var client = portal.CreateClient();
                using var health = await client.GetAsync("/health");

                var scrape = await MetricsScrape.FromLoopbackAsync(portal);

                Assert.Contains("\ndb_client_", scrape.Text, StringComparison.Ordinal);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData("Telemetry:MetricsToken", "short", "at least 32 characters")]
    [InlineData("Telemetry:MetricsAllowedNetworks:0", "10.0.0.0/33", "'10.0.0.0/33' is not an address or a network")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4318", "is not an http:// or https:// address")]
    [InlineData("Telemetry:GaugeRefreshInterval", "0", "at least one second")]
    public void A_bad_telemetry_setting_stops_the_portal_at_startup_naming_it(string key, string value, string message)
    {
        using var portal = Portal((key, value));

        var error = Assert.ThrowsAny<InvalidOperationException>(() => portal.CreateClient());

        // The setting as an operator writes it: Telemetry:MetricsAllowedNetworks, not its array index.
        Assert.Contains(string.Join(':', key.Split(':').Take(2)), error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
