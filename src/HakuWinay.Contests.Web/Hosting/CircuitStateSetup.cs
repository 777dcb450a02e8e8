using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// How long a dropped connection's page is kept, and where it goes after that: the state of a
/// circuit evicted from memory (or paused) is written to the database through HybridCache, so the
/// page resumes with what was typed on any copy of the portal (docs/decisions/026-circuit-state.md).
/// </summary>
public static class CircuitStateSetup
{
    public const string Section = "Circuits";
    public const string DisconnectedRetentionSetting = Section + ":DisconnectedRetention";
    public const string PersistedRetentionSetting = Section + ":PersistedRetention";

    private static readonly TimeSpan LocalCopyKept = TimeSpan.FromMinutes(1);

    public static void AddCircuitState(this IServiceCollection services, IConfiguration configuration)
    {
        var disconnected = Setting(configuration, DisconnectedRetentionSetting, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var persisted = Setting(configuration, PersistedRetentionSetting, TimeSpan.FromHours(8), TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        services.Configure<CircuitOptions>(options =>
        {
            options.DisconnectedCircuitRetentionPeriod = disconnected;
            options.PersistedCircuitDistributedRetentionPeriod = persisted;
            // Each copy's memory keeps a persisted circuit briefly: the database is the one that counts,
            // and a circuit resumed on another copy must not linger here.
            options.PersistedCircuitInMemoryRetentionPeriod = persisted < LocalCopyKept ? persisted : LocalCopyKept;
        });
        services.RemoveAll<IDistributedCache>();
        services.AddSingleton<IDistributedCache, DatabaseDistributedCache>();
        // Blazor persists evicted and paused circuits through the HybridCache it finds registered.
        services.AddHybridCache();
    }

    private static TimeSpan Setting(IConfiguration configuration, string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidOperationException($"{key} must be a time span from {min:c} to {max:c} (e.g. {fallback:c}); it is \"{text}\".");
        }
        return value;
    }
}
