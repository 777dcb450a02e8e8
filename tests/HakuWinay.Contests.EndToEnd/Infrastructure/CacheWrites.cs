using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>
/// Tells a test when its portal has stored an entry in its distributed cache (where an evicted
/// circuit's state goes, docs/decisions/026-circuit-state.md), so the test awaits that write
/// instead of polling the table. Arm it with <see cref="Next"/> before the action that leads to it.
/// </summary>
public sealed class CacheWrites
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next entry (after this call) is stored.</summary>
    public Task Next() => Volatile.Read(ref _next).Task;

    private void Stored() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Wraps the portal's own <see cref="IDistributedCache"/>, whatever it is, so each completed write is signalled.</summary>
    public void Observe(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        var original = services.Last(d => d.ServiceType == typeof(IDistributedCache));
        services.Replace(ServiceDescriptor.Singleton<IDistributedCache>(sp => new Signalling(Resolve(sp, original), this)));
    });

    private static IDistributedCache Resolve(IServiceProvider services, ServiceDescriptor original) =>
        original.ImplementationInstance as IDistributedCache
        ?? original.ImplementationFactory?.Invoke(services) as IDistributedCache
        ?? (IDistributedCache)ActivatorUtilities.CreateInstance(services, original.ImplementationType!);

    private sealed class Signalling(IDistributedCache inner, CacheWrites writes) : IDistributedCache
    {
        public byte[]? Get(string key) => inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            inner.Set(key, value, options);
            writes.Stored();
        }

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            await inner.SetAsync(key, value, options, token);
            writes.Stored();
        }

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);
    }
}
