using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Run from a build in Development (as `dotnet run` does), the portal sends the build's compressed
/// static assets, as the published portal does, instead of the whole files.
/// </summary>
public sealed class CompressedAssetsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private HttpClient Client() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<(string? Encoding, long Bytes)> GetAsync(HttpClient client, string path, params string[] encodings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var encoding in encodings)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), body.LongLength);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/app.css")]
    [InlineData("/lib/bootstrap/dist/css/bootstrap.min.css")]
    public async Task A_script_or_style_is_sent_compressed_when_the_browser_accepts_it(string path)
    {
        using var client = Client();

        var (_, whole) = await GetAsync(client, path);
        var (brotli, brotliBytes) = await GetAsync(client, path, "br", "gzip");
        var (gzip, gzipBytes) = await GetAsync(client, path, "gzip");

        Assert.Equal("br", brotli);
        Assert.Equal("gzip", gzip);
        // Really compressed, not a "gzip" wrapper around the whole file: text assets shrink to well under half.
        Assert.True(brotliBytes * 2 < whole, $"{path}: {brotliBytes} bytes as br of {whole}");
        Assert.True(gzipBytes * 2 < whole, $"{path}: {gzipBytes} bytes as gzip of {whole}");
    }

    [Fact]
    public async Task A_client_that_accepts_no_compression_gets_the_file_as_it_is()
    {
        using var client = Client();

        var (encoding, bytes) = await GetAsync(client, "/_framework/blazor.web.js");

        Assert.Null(encoding);
        Assert.True(bytes > 100_000, $"{bytes} bytes");
    }
}
