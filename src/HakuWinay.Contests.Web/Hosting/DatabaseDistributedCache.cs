using System.Security.Cryptography;
using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// An <see cref="IDistributedCache"/> on the table <c>CacheEntries</c> of the portal's own database,
/// so that every copy shares it on SQLite, SQL Server and PostgreSQL alike (no package here serves
/// all three). It holds the state of evicted circuits (docs/decisions/026-circuit-state.md): few rows,
/// written once when a connection is lost for long and read once when it comes back. Keys are
/// stored as their SHA-256, so the table never holds a circuit's secret; expired rows are deleted
/// when read and, every few minutes, by the next write.
/// </summary>
internal sealed class DatabaseDistributedCache(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock) : IDistributedCache
{
    private static readonly TimeSpan CleanEvery = TimeSpan.FromMinutes(5);
    private long _nextCleanTicks;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var id = IdOf(key);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var entry = await db.CacheEntries.SingleOrDefaultAsync(e => e.Id == id, token);
        if (entry is null)
        {
            return null;
        }
        if (entry.ExpiresAtUtc <= now)
        {
            await db.CacheEntries.Where(e => e.Id == id && e.ExpiresAtUtc <= now).ExecuteDeleteAsync(token);
            return null;
        }
        if (entry.SlidingSeconds is { } sliding)
        {
            entry.ExpiresAtUtc = ExpiryOf(now, entry.AbsoluteExpiresAtUtc, sliding);
            await db.SaveChangesAsync(token);
        }
        return entry.Value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = Now;
        var absolute = options.AbsoluteExpiration?.UtcDateTime
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        var sliding = options.SlidingExpiration is { } window ? (long)window.TotalSeconds : (long?)null;
        if (absolute is null && sliding is null)
        {
            // A cache entry with no end would outlive its purpose: kept a day at most.
            absolute = now.AddDays(1);
        }
        if (absolute <= now)
        {
            await RemoveAsync(key, token);
            return;
        }
        var id = IdOf(key);
        var expires = ExpiryOf(now, absolute, sliding);
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var updated = await db.CacheEntries.Where(e => e.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Value, value)
            .SetProperty(e => e.ExpiresAtUtc, expires)
            .SetProperty(e => e.AbsoluteExpiresAtUtc, absolute)
            .SetProperty(e => e.SlidingSeconds, sliding), token);
        if (updated == 0)
        {
            db.CacheEntries.Add(new CacheEntry { Id = id, Value = value, ExpiresAtUtc = expires, AbsoluteExpiresAtUtc = absolute, SlidingSeconds = sliding });
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateException)
            {
                // Another copy wrote the same key meanwhile: the later write wins, as in any cache.
                db.ChangeTracker.Clear();
                await db.CacheEntries.Where(e => e.Id == id).ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.Value, value)
                    .SetProperty(e => e.ExpiresAtUtc, expires)
                    .SetProperty(e => e.AbsoluteExpiresAtUtc, absolute)
                    .SetProperty(e => e.SlidingSeconds, sliding), token);
            }
        }
        await CleanIfDueAsync(db, now, token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) => GetAsync(key, token);

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        var id = IdOf(key);
        await using var db = await dbFactory.CreateDbContextAsync(token);
        await db.CacheEntries.Where(e => e.Id == id).ExecuteDeleteAsync(token);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static DateTime ExpiryOf(DateTime now, DateTime? absolute, long? slidingSeconds)
    {
        var slid = slidingSeconds is { } s ? now.AddSeconds(s) : DateTime.MaxValue;
        var end = absolute ?? DateTime.MaxValue;
        return slid < end ? slid : end;
    }

    private async Task CleanIfDueAsync(ContestsDbContext db, DateTime now, CancellationToken token)
    {
        var due = Interlocked.Read(ref _nextCleanTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextCleanTicks, (now + CleanEvery).Ticks, due) != due)
        {
            return;
        }
        await db.CacheEntries.Where(e => e.ExpiresAtUtc <= now).ExecuteDeleteAsync(token);
    }

    internal static string IdOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
