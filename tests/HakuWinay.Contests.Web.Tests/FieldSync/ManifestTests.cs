using System.Net;
using System.Text.Json;
using HakuWinay.Contests.Testing;

namespace HakuWinay.Contests.Web.Tests.FieldSync;

/// <summary>What makes the portal installable and its field page work offline (docs/decisions/036): served, cacheable as intended, under the CSP.</summary>
public sealed class ManifestTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Manifest_names_the_portal_and_its_icons_which_are_pngs_of_their_sizes()
    {
        var client = _portal.CreateClient();
        using var manifest = JsonDocument.Parse(await client.GetStringAsync("/manifest.webmanifest"));
        var root = manifest.RootElement;
        Assert.Equal("/", root.GetProperty("scope").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var bytes = await client.GetByteArrayAsync(icon.GetProperty("src").GetString());
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            Assert.Equal(size, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        }
        Assert.Contains("rel=\"manifest\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_service_worker_is_served_at_the_root_uncached_and_keeps_no_private_page()
    {
        var client = _portal.CreateClient();
        using var response = await client.GetAsync("/sw.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache == true || response.Headers.CacheControl?.NoStore == true, response.Headers.CacheControl?.ToString());
        Assert.Contains("'/offline/field.html'", script, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", script, StringComparison.Ordinal);
        Assert.DoesNotContain("/juror", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_offline_page_is_static_under_the_portals_csp_with_no_inline_script()
    {
        var client = _portal.CreateClient();
        using var response = await client.GetAsync("/offline/field.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/offline/field.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/offline/field.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/offline/store.js")).StatusCode);
    }
}
