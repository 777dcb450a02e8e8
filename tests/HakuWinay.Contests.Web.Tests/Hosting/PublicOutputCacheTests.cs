using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Anonymous public pages come from the output cache (docs/decisions/025-output-cache.md), on
/// <see cref="TwoPortalCopies"/> (two hosts on one SQLite file, as in <see cref="PollingContestEventRelayTests"/>).
/// </summary>
public sealed partial class PublicOutputCacheTests : IAsyncLifetime
{
    private const string Code = "AYA-2026-01";
    private const string ContestPage = "/contests/" + Code;
    private static readonly TimeSpan Patience = TwoPortalCopies.Patience;
    private TwoPortalCopies _copies = null!;

    public async Task InitializeAsync() => _copies = await TwoPortalCopies.StartAsync();

    public async Task DisposeAsync() => await _copies.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/contests")]
    [InlineData("/contests?status=open")]
    [InlineData(ContestPage)]
    public async Task A_second_anonymous_request_is_answered_from_the_cache_without_a_cookie(string url)
    {
        using var client = Client(_copies.A);
        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"), "The first answer was rendered.");
        Assert.True(second.Headers.Contains("Age"), "The second answer came from the cache.");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_of_the_bases_is_visible_at_once_on_both_copies()
    {
        using var onA = Client(_copies.A);
        using var onB = Client(_copies.B);
        foreach (var client in new[] { onA, onB })
        {
            await CachedAsync(client, ContestPage);
            await CachedAsync(client, "/");
        }
        var contestId = await ContestIdAsync();
        var evictedOnA = Eviction(_copies.A).NextEvictionAsync(contestId);
        var evictedOnB = Eviction(_copies.B).NextEvictionAsync(contestId);

        const string marker = "Bases corregidas por la prueba de caché";
        await using (var scope = _copies.A.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<ContestAdminService>();
            var contest = (await admin.FindAsync(contestId))!;
            var saved = await admin.SaveGeneralAsync(await AdminIdAsync(), contestId, contest.Version, new GeneralSettings(
                contest.Code, contest.Title, contest.RegionCode, contest.ProvinceCode, contest.DistrictCode, contest.BasesMarkdown + "\n\n" + marker));
            Assert.True(saved.Succeeded, string.Join(", ", saved.Violations.Select(v => v.Rule)));
        }
        await evictedOnA.WaitAsync(Patience);
        await evictedOnB.WaitAsync(Patience);

        foreach (var client in new[] { onA, onB })
        {
            using var page = await client.GetAsync(ContestPage);
            Assert.False(page.Headers.Contains("Age"), "The edit evicted the cached page.");
            Assert.Contains(marker, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await CachedAsync(client, ContestPage);
        }
    }

    [Theory]
    [InlineData("grupo1@demo.hakuwinay.pe")]
    [InlineData("admin@demo.hakuwinay.pe")]
    public async Task A_signed_in_user_never_gets_the_cached_anonymous_page_nor_fills_the_cache(string email)
    {
        using var anonymous = Client(_copies.A);
        await CachedAsync(anonymous, "/");
        using var signedIn = Client(_copies.A);
        await SignIn.AsAsync(signedIn, email, PortalFactory.DemoPassword);

        using var home = await signedIn.GetAsync("/");
        Assert.False(home.Headers.Contains("Age"));
        Assert.Contains(email, SignedInAs().Match(await home.Content.ReadAsStringAsync()).Groups[1].Value, StringComparison.OrdinalIgnoreCase);

        // Signed in first, on an address nobody asked for yet: what they got is not stored for the next visitor.
        using var theirs = await signedIn.GetAsync("/contests?year=2026");
        Assert.Contains(email, await theirs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var next = await anonymous.GetAsync("/contests?year=2026");
        Assert.False(next.Headers.Contains("Age"));
        Assert.DoesNotContain("data-testid=\"signed-in-as\"", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_and_Spanish_visitors_each_get_their_own_language_from_the_cache()
    {
        using var spanish = Client(_copies.A);
        using var english = Client(_copies.A);
        using (var chosen = await english.GetAsync("/culture/set?culture=en&returnUrl=/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        Assert.Contains("<html lang=\"es\"", await CachedAsync(spanish, ContestPage), StringComparison.Ordinal);
        using var firstEnglish = await english.GetAsync(ContestPage);
        Assert.False(firstEnglish.Headers.Contains("Age"), "English was not answered with the Spanish entry.");
        Assert.Contains("<html lang=\"en\"", await CachedAsync(english, ContestPage), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\"", await CachedAsync(spanish, ContestPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_page_has_every_security_header_a_fresh_nonce_and_a_policy_that_runs_its_import_map()
    {
        using var client = Client(_copies.A);
        using var first = await client.GetAsync("/");
        using var cached = await client.GetAsync("/");
        Assert.True(cached.Headers.Contains("Age"));

        var csp = cached.Headers.GetValues("Content-Security-Policy").Single();
        Assert.NotEqual(Nonce().Match(first.Headers.GetValues("Content-Security-Policy").Single()).Value, Nonce().Match(csp).Value);
        var importMap = ImportMap().Match(await cached.Content.ReadAsStringAsync());
        Assert.True(importMap.Success, "The page has its import map.");
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.Groups[1].Value))) + "'";
        Assert.Contains(hash, csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", cached.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SecurityHeaders.ReferrerPolicy, cached.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.PermissionsPolicy, cached.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(cached.Headers.Contains("Server"));
    }

    private static HttpClient Client(PortalFactory portal) => TwoPortalCopies.Client(portal);

    private static Task<string> CachedAsync(HttpClient client, string url) => TwoPortalCopies.CachedAsync(client, url);

    private static PublicPageEviction Eviction(PortalFactory portal) => TwoPortalCopies.Eviction(portal);

    private async Task<int> ContestIdAsync()
    {
        await using var db = await _copies.A.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await db.Contests.Where(c => c.Code == Code).Select(c => c.Id).SingleAsync();
    }

    private async Task<string> AdminIdAsync()
    {
        await using var db = await _copies.A.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == "admin@demo.hakuwinay.pe").Select(u => u.Id).SingleAsync();
    }

    [GeneratedRegex("data-testid=\"signed-in-as\">([^<]*)<")]
    private static partial Regex SignedInAs();

    [GeneratedRegex("'nonce-[0-9A-F]+'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script type=\"importmap\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();
}
