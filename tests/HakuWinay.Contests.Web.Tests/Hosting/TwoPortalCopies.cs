using System.Net;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Two copies of the portal (two hosts in this process) on one SQLite file, each reading the other's
/// contest events through the polling relay (ADR 024), as several servers behind one address do; and
/// the output cache's test helpers, since a cached answer says so by its Age header, which only the
/// output cache writes. Shared by the output-cache tests (<see cref="PublicOutputCacheTests"/>,
/// <see cref="CorrectedResultsCacheTests"/>).
/// </summary>
internal sealed class TwoPortalCopies : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TwoPortalCopies(PortalFactory a, PortalFactory b)
    {
        A = a;
        B = b;
    }

    public PortalFactory A { get; }

    public PortalFactory B { get; }

    /// <summary>Starts both copies with <paramref name="settings"/> (the demo by default) and waits until each relay reads.</summary>
    public static async Task<TwoPortalCopies> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var a = new PortalFactory(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["LiveEvents:PollInterval"] = "00:00:00.050" });
        _ = a.Services;
        var b = new PortalFactory(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(a.DataFolder, "portal.db")}",
            ["LiveEvents:PollInterval"] = "00:00:00.050",
        });
        _ = b.Services;
        await a.Services.GetRequiredService<PollingContestEventRelay>().Reading.WaitAsync(Patience);
        await b.Services.GetRequiredService<PollingContestEventRelay>().Reading.WaitAsync(Patience);
        return new TwoPortalCopies(a, b);
    }

    public static HttpClient Client(PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static PublicPageEviction Eviction(PortalFactory portal) => portal.Services.GetRequiredService<PublicPageEviction>();

    /// <summary>
    /// Asks until the answer comes from the cache (the second ask at the latest), and returns what
    /// <paramref name="text"/> reads of it (its body unless told).
    /// </summary>
    public static async Task<string> CachedAsync(HttpClient client, string url, Func<HttpResponseMessage, Task<string>>? text = null)
    {
        text ??= answer => answer.Content.ReadAsStringAsync();
        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        if (first.Headers.Contains("Age"))
        {
            return await text(first);
        }
        using var second = await client.GetAsync(url);
        Assert.True(second.Headers.Contains("Age"), $"{url} was not answered from the cache.");
        return await text(second);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
