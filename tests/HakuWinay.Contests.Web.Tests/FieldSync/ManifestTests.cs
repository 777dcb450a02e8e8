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

    [Theory]
    [InlineData("/offline/field.html", "/offline/field.js")]
    [InlineData("/offline/visits.html", "/offline/visits.js")]
    public async Task Manifest_offline_page_is_static_under_the_portals_csp_with_no_inline_script(string page, string script)
    {
        var client = _portal.CreateClient();
        using var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains($"<script type=\"module\" src=\"{script}\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
    }

    [Fact]
    public async Task Manifest_every_file_the_service_worker_keeps_is_served_and_each_offline_script_it_imports_is_kept()
    {
        var client = _portal.CreateClient();
        var script = await client.GetStringAsync("/sw.js");
        var kept = System.Text.RegularExpressions.Regex.Matches(script, @"^\s*'(/[^']+)',$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("/offline/visits.html", kept);
        foreach (var file in kept)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(file)).StatusCode);
        }
        // An import the worker does not keep would break the page without signal.
        foreach (var module in kept.Where(f => f.EndsWith(".js", StringComparison.Ordinal)))
        {
            var source = await client.GetStringAsync(module);
            foreach (System.Text.RegularExpressions.Match import in System.Text.RegularExpressions.Regex.Matches(source, @"from '\./([^']+)'"))
            {
                Assert.Contains("/offline/" + import.Groups[1].Value, kept);
            }
        }
    }
}
