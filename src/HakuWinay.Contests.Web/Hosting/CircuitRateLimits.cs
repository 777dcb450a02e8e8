using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>What a live page limits: the middleware never sees these, they happen inside a circuit.</summary>
public enum CircuitLimit
{
    Upload,
    Import,
    Preview,
}

/// <summary>
/// The limits of work done inside Blazor circuits (uploads, CSV imports, Markdown previews), per account
/// or, for someone not signed in, per client address; one for the whole portal, shared by every circuit
/// (docs/decisions/021-rate-limits.md).
/// </summary>
public sealed class CircuitRateLimits : IDisposable
{
    private readonly Dictionary<CircuitLimit, PartitionedRateLimiter<string>> _limiters;

    public CircuitRateLimits(RateLimitSettings settings)
    {
        _limiters = new()
        {
            [CircuitLimit.Upload] = PerKey(settings.UploadsPerMinute),
            [CircuitLimit.Import] = PerKey(settings.ImportsPerMinute),
            [CircuitLimit.Preview] = PerKey(settings.PreviewsPerMinute),
        };
    }

    /// <summary>Takes one permit for the client; answers null when granted, or the whole seconds to wait.</summary>
    public int? TryAcquire(CircuitLimit limit, string client)
    {
        using var lease = _limiters[limit].AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }
        HakuWinay.Contests.Diagnostics.PortalMeters.RateLimitRefused(limit.ToString().ToLowerInvariant() + "s");
        return RateLimits.SecondsToWait(lease);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static PartitionedRateLimiter<string> PerKey(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => RateLimits.PerMinute(perMinute)));
}

/// <summary>
/// The circuit's side of <see cref="CircuitRateLimits"/>: who is asking. Created when the circuit starts (it is a
/// circuit handler), it keeps the client address of the request that opened the circuit, the only moment an
/// <c>HttpContext</c> is sure to be there; the account comes from the page's authentication state.
/// </summary>
public sealed class ClientRateLimits(CircuitRateLimits limits, IHttpContextAccessor http, IStringLocalizer<SharedResource> texts) : CircuitHandler
{
    private readonly string? _address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Takes one permit; answers null when granted, or the Spanish message with the wait to show instead of doing the work.</summary>
    public async Task<string?> RefusalAsync(CircuitLimit limit, Task<AuthenticationState>? authentication)
    {
        var user = authentication is null ? null : (await authentication).User;
        return limits.TryAcquire(limit, RateLimits.AccountOrAddress(user, _address)) is { } seconds
            ? string.Format(CultureInfo.CurrentCulture, texts[$"RateLimit.{limit}"].Value, seconds)
            : null;
    }
}

public static class CircuitRateLimitsSetup
{
    /// <summary>The circuit limits, over the <see cref="RateLimitSettings"/> registered beside them.</summary>
    public static IServiceCollection AddCircuitRateLimits(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CircuitRateLimits>();
        services.AddScoped<ClientRateLimits>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<ClientRateLimits>());
        return services;
    }
}
