using System.Net;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>Public downloads are limited per client address, private ones per account (docs/decisions/021-rate-limits.md).</summary>
public sealed class DownloadRateLimitTests : IDisposable
{
    private readonly PortalFactory _portal = new(new Dictionary<string, string?>(FullDemo.Settings)
    {
        ["RateLimits:PublicDownloadsPerMinute"] = "3",
        ["RateLimits:PrivateDownloadsPerMinute"] = "2",
    });

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_download_after_the_public_limit_gets_429_with_retry_after_and_a_spanish_page_while_another_address_still_downloads()
    {
        var code = await LastYearCodeAsync();
        var villageHall = IPAddress.Parse("190.40.1.10");

        foreach (var file in new[] { "package.json", "ranking.csv", "acta" })
        {
            var allowed = await GetFromAsync(villageHall, $"/contests/{code}/results/{file}");
            Assert.Equal(StatusCodes.Status200OK, allowed.Response.StatusCode);
        }
        var refused = await GetFromAsync(villageHall, $"/contests/{code}/results/scores.csv");
        var elsewhere = await GetFromAsync(IPAddress.Parse("181.65.2.20"), $"/contests/{code}/results/scores.csv");

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0, "Retry-After is missing.");
        Assert.Contains("Demasiadas descargas seguidas desde su conexión", await BodyAsync(refused), StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status200OK, elsewhere.Response.StatusCode);
    }

    [Fact]
    public async Task The_acta_page_counts_toward_the_public_limit()
    {
        var code = await LastYearCodeAsync();
        var address = IPAddress.Parse("190.40.1.11");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await GetFromAsync(address, $"/contests/{code}/results/acta")).Response.StatusCode);
        }

        var refused = await GetFromAsync(address, $"/contests/{code}/results/acta");

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.Contains("Demasiadas descargas seguidas", await BodyAsync(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_downloads_are_limited_per_account_so_another_account_on_the_same_address_is_not_refused()
    {
        using var admin = await SignedInAsync("admin@demo.hakuwinay.pe");
        using var group = await SignedInAsync(FullDemo.RejectedEmail);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await admin.GetAsync("/admin/contests/1/submissions.csv");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await admin.GetAsync("/admin/contests/1/submissions.csv");
        using var other = await group.GetAsync("/profiles/999999/attachments/1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
        Assert.Contains("Demasiadas descargas seguidas", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task A_csv_and_its_excel_twin_count_toward_one_limit_public_and_private()
    {
        var code = await LastYearCodeAsync();
        var address = IPAddress.Parse("190.40.1.12");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await GetFromAsync(address, $"/contests/{code}/results/ranking.csv")).Response.StatusCode);
        }
        using var admin = await SignedInAsync("admin@demo.hakuwinay.pe");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await admin.GetAsync("/admin/contests/1/submissions.csv");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var publicTwin = await GetFromAsync(address, $"/contests/{code}/results/ranking.xlsx");
        using var privateTwin = await admin.GetAsync("/admin/contests/1/submissions.xlsx");

        Assert.Equal(StatusCodes.Status429TooManyRequests, publicTwin.Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, privateTwin.StatusCode);
    }

    private async Task<string> LastYearCodeAsync()
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return (await FullDemo.LastYearContestAsync(db)).Code;
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, PortalFactory.DemoPassword);
        return client;
    }

    private Task<HttpContext> GetFromAsync(IPAddress address, string path) =>
        _portal.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = address;
        });

    private static async Task<string> BodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Response.Body);
        return await reader.ReadToEndAsync();
    }
}
