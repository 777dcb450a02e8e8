using System.Net;
using System.Text.Json;
using HakuWinay.Contests.Testing;
using Npgsql;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>/health/live (the process answers), /health/ready (the database and the job storage) and /health (every check, as before).</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Live_ready_and_health_answer_200_uncached_each_with_its_checks()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        var live = await GetAsync(client, "/health/live");
        var ready = await GetAsync(client, "/health/ready");
        var health = await GetAsync(client, "/health");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Overall));
        Assert.Empty(live.Checks);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Overall));
        Assert.Equal(["database", "jobs"], ready.Checks.Order());
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (health.Status, health.Overall));
        Assert.Equal(["database", "jobs"], health.Checks.Order());
        Assert.All([live, ready, health], answer => Assert.Contains("no-store", answer.CacheControl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_production_a_load_balancer_probes_live_and_ready_over_plain_http_on_the_copys_address()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://concursos.example.pe" }, environment: "Production");
        using var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://10.0.0.12:5001/"),
            AllowAutoRedirect = false,
        });

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/live")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/ready")).Status);
    }

    [Fact]
    public async Task With_the_database_refusing_connections_live_answers_200_and_ready_503()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPrerequisites.PostgresConnectionString);
        var database = "haku_health_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString;
        try
        {
            using var portal = new PortalFactory(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:PostgreSql"] = connectionString,
            });
            using var client = portal.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/ready")).Status);

            // The database goes away for this portal only: no new connection, the open ones ended.
            await AdminAsync(admin.ConnectionString, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
            await AdminAsync(admin.ConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
            NpgsqlConnection.ClearAllPools();

            var live = await GetAsync(client, "/health/live");
            var ready = await GetAsync(client, "/health/ready");

            Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Overall));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.Status, ready.Overall));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(client, "/health")).Status);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private sealed record Answer(HttpStatusCode Status, string Overall, IReadOnlyList<string> Checks, string CacheControl);

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        return new Answer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, response.Headers.CacheControl?.ToString() ?? "");
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
