using System.Collections.Concurrent;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Evicts the cached public pages of a contest, and the lists of contests, when the contest's
/// public face changes. It listens to this copy's <see cref="ContestEvents"/>, which receive the
/// events published here and those relayed from every other copy (docs/decisions/024), so each
/// copy evicts its own cache (docs/decisions/025-output-cache.md).
/// </summary>
internal sealed class PublicPageEviction(
    ContestEvents events, IOutputCacheStore store, IDbContextFactory<ContestsDbContext> dbFactory, ILogger<PublicPageEviction> logger) : IHostedService
{
    /// <summary>The changes a public page shows; scorecards, sessions, awards and the like appear on none of them.</summary>
    private static readonly HashSet<ContestChange> Public = [ContestChange.ContestChanged, ContestChange.ResultsPublished];

    private readonly ConcurrentDictionary<int, ConcurrentBag<TaskCompletionSource>> _waiting = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.SubscribeAll(EvictAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Completes once this copy has evicted the contest's pages for the next event about it (tests await it instead of sleeping).</summary>
    public Task NextEvictionAsync(int contestId)
    {
        var evicted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.GetOrAdd(contestId, _ => []).Add(evicted);
        return evicted.Task;
    }

    private async Task EvictAsync(ContestEvent contestEvent)
    {
        if (!Public.Contains(contestEvent.Change))
        {
            return;
        }
        try
        {
            await store.EvictByTagAsync(PublicOutputCache.ListsTag, CancellationToken.None);
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var code = await db.Contests.Where(c => c.Id == contestEvent.ContestId).Select(c => c.Code).SingleOrDefaultAsync();
                if (code is not null)
                {
                    await store.EvictByTagAsync(PublicOutputCache.ContestTag(code), CancellationToken.None);
                }
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The entries expire on their own (OutputCache:PublicPagesFor); until then they show the contest as it was.
            logger.LogWarning(ex, "Could not evict the cached public pages of contest {ContestId}.", contestEvent.ContestId);
        }
        if (_waiting.TryRemove(contestEvent.ContestId, out var waiting))
        {
            foreach (var evicted in waiting)
            {
                evicted.TrySetResult();
            }
        }
    }
}
