using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Where an evicted or paused circuit's state goes (docs/decisions/026-circuit-state.md): a cache on
/// the portal's own database that two copies share, under HybridCache, with the retention settings.
/// </summary>
public sealed class CircuitStateTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory(new Dictionary<string, string?>
        {
            [CircuitStateSetup.DisconnectedRetentionSetting] = "00:00:05",
            [CircuitStateSetup.PersistedRetentionSetting] = "02:00:00",
        });
        _ = _portal.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private IDbContextFactory<ContestsDbContext> Db => _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    /// <summary>A copy of the portal: its own cache object, the shared database.</summary>
    private DatabaseDistributedCache Copy() => new(Db, _clock);

    private static DistributedCacheEntryOptions For(TimeSpan span) => new() { AbsoluteExpirationRelativeToNow = span };

    [Fact]
    public async Task State_written_by_one_copy_is_read_by_another_and_gone_for_both_once_removed()
    {
        var a = Copy();
        var b = Copy();

        await a.SetAsync("circuit-secret-1", [1, 2, 3], For(TimeSpan.FromHours(1)));

        Assert.Equal([1, 2, 3], await b.GetAsync("circuit-secret-1"));
        await b.RemoveAsync("circuit-secret-1");
        Assert.Null(await a.GetAsync("circuit-secret-1"));
    }

    [Fact]
    public async Task A_second_write_of_a_key_replaces_the_first()
    {
        var a = Copy();
        await a.SetAsync("circuit-secret-2", [1], For(TimeSpan.FromHours(1)));
        await Copy().SetAsync("circuit-secret-2", [2], For(TimeSpan.FromHours(1)));

        Assert.Equal([2], await a.GetAsync("circuit-secret-2"));
    }

    [Fact]
    public async Task The_database_holds_the_keys_hash_never_the_key()
    {
        await Copy().SetAsync("the-circuit-secret", [7], For(TimeSpan.FromHours(1)));

        await using var db = await Db.CreateDbContextAsync();
        var ids = await db.CacheEntries.Select(e => e.Id).ToListAsync();
        var id = Assert.Single(ids);
        Assert.DoesNotContain("the-circuit-secret", id, StringComparison.Ordinal);
        Assert.Matches("^[0-9A-F]{64}$", id);
    }

    [Fact]
    public async Task An_entry_past_its_expiry_is_not_returned_and_is_deleted()
    {
        var cache = Copy();
        await cache.SetAsync("circuit-secret-3", [9], For(TimeSpan.FromMinutes(10)));

        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Null(await cache.GetAsync("circuit-secret-3"));
        await using var db = await Db.CreateDbContextAsync();
        Assert.Equal(0, await db.CacheEntries.CountAsync());
    }

    [Fact]
    public async Task A_sliding_entry_lives_on_while_it_is_read()
    {
        var cache = Copy();
        await cache.SetAsync("circuit-secret-4", [4], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });

        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal([4], await cache.GetAsync("circuit-secret-4"));
        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal([4], await cache.GetAsync("circuit-secret-4"));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await cache.GetAsync("circuit-secret-4"));
    }

    [Fact]
    public void The_portal_persists_circuits_through_HybridCache_over_the_database_with_the_retention_set()
    {
        var options = _portal.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.IsType<DatabaseDistributedCache>(_portal.Services.GetRequiredService<IDistributedCache>());
        Assert.NotNull(options.HybridPersistenceCache);
        Assert.Equal(TimeSpan.FromSeconds(5), options.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(TimeSpan.FromHours(2), options.PersistedCircuitDistributedRetentionPeriod);
        Assert.Equal(TimeSpan.FromMinutes(1), options.PersistedCircuitInMemoryRetentionPeriod);
    }

    [Theory]
    [InlineData(CircuitStateSetup.DisconnectedRetentionSetting, "0")]
    [InlineData(CircuitStateSetup.DisconnectedRetentionSetting, "02:00:00")]
    [InlineData(CircuitStateSetup.PersistedRetentionSetting, "un rato")]
    [InlineData(CircuitStateSetup.PersistedRetentionSetting, "30.00:00:00")]
    public void A_retention_out_of_range_stops_the_portal_naming_the_setting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCircuitState(configuration));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
