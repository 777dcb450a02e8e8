using System.Diagnostics.Metrics;
using Hangfire;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Diagnostics;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>How often the gauges that read the database are refreshed: <c>Telemetry:GaugeRefreshInterval</c>, 15 seconds by default.</summary>
internal sealed record TelemetryGaugeSettings(TimeSpan RefreshInterval)
{
    public const string Key = "Telemetry:GaugeRefreshInterval";

    public static TimeSpan Interval(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrEmpty(value))
        {
            return TimeSpan.FromSeconds(15);
        }
        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var interval) && interval >= TimeSpan.FromSeconds(1)
            ? interval
            : throw new InvalidOperationException($"{Key}: '{value}' is not a time span of at least one second, such as 00:00:15.");
    }
}

/// <summary>
/// The gauges that count rows: outbox messages by state, tranches due, Hangfire's failed jobs. A
/// scrape never waits for the database: the values are read every
/// <see cref="TelemetryGaugeSettings.RefreshInterval"/> in the background and the gauges report the
/// last snapshot (none before the first read). One meter per portal, through <see cref="IMeterFactory"/>.
/// </summary>
internal sealed class TelemetryGauges : BackgroundService
{
    private readonly IDbContextFactory<ContestsDbContext> _dbFactory;
    private readonly JobStorage _jobs;
    private readonly TimeSpan _interval;
    private readonly ILogger<TelemetryGauges> _logger;
    // One refresh at a time: a slow read that started first never overwrites a newer snapshot.
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot? _snapshot;

    public TelemetryGauges(IDbContextFactory<ContestsDbContext> dbFactory, JobStorage jobs, IMeterFactory meters,
        TelemetryGaugeSettings settings, ILogger<TelemetryGauges> logger)
    {
        _dbFactory = dbFactory;
        _jobs = jobs;
        _interval = settings.RefreshInterval;
        _logger = logger;
        Meter = meters.Create(PortalMeters.MeterName);
        Meter.CreateObservableGauge("hakuwinay.outbox.messages", ObserveOutbox, "{message}",
            "Outbox messages not sent: pending (not tried yet), failed (tried, will retry), given_up (after the last attempt).");
        Meter.CreateObservableGauge("hakuwinay.tranches.due", () => Observe(s => s.TranchesDue), "{tranche}",
            "Award tranches due: their conditions are met and they wait to be paid.");
        Meter.CreateObservableGauge("hakuwinay.jobs.failed", () => Observe(s => s.JobsFailed), "{job}",
            "Hangfire jobs in the Failed state (they retry no more; see /admin/jobs).");
    }

    /// <summary>This portal's meter of the gauges (tests listen to it alone).</summary>
    public Meter Meter { get; }

    /// <summary>Reads every counted value once and replaces the snapshot.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            _snapshot = await ReadAsync(ct);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _refreshing.Dispose();
    }

    private async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var outbox = await db.Outbox.AsNoTracking().Where(m => m.Status != OutboxStatus.Sent)
            .GroupBy(m => new { m.Status, Tried = m.Attempts > 0 })
            .Select(g => new { g.Key.Status, g.Key.Tried, Count = g.LongCount() })
            .ToListAsync(ct);
        var tranchesDue = await db.AwardTranches.LongCountAsync(t => t.Status == TrancheStatus.Due, ct);
        var jobsFailed = _jobs.GetMonitoringApi().FailedCount();
        return new Snapshot(
            Pending: outbox.Where(o => o.Status == OutboxStatus.Pending && !o.Tried).Sum(o => o.Count),
            Failed: outbox.Where(o => o.Status == OutboxStatus.Pending && o.Tried).Sum(o => o.Count),
            GivenUp: outbox.Where(o => o.Status == OutboxStatus.Failed).Sum(o => o.Count),
            TranchesDue: tranchesDue,
            JobsFailed: jobsFailed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(_interval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The gauges keep their last values; the next tick tries again.
                _logger.LogWarning(e, "The telemetry gauges could not be refreshed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<long>> ObserveOutbox()
    {
        if (_snapshot is not { } s)
        {
            return [];
        }
        return [State(s.Pending, "pending"), State(s.Failed, "failed"), State(s.GivenUp, "given_up")];

        static Measurement<long> State(long value, string state) => new(value, new KeyValuePair<string, object?>("state", state));
    }

    private IEnumerable<Measurement<long>> Observe(Func<Snapshot, long> value) =>
        _snapshot is { } s ? [new Measurement<long>(value(s))] : [];

    private sealed record Snapshot(long Pending, long Failed, long GivenUp, long TranchesDue, long JobsFailed);
}
