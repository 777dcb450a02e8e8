using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Contest events between the copies of the portal where the database has no notifications
/// (SQL Server, SQLite): a copy writes each event it publishes as a row of
/// <see cref="ContestsDbContext.RelayedEvents"/> and reads, every <c>LiveEvents:PollInterval</c>
/// (default 250 ms), the rows it has not seen, skipping its own; rows older than ten minutes are
/// deleted (docs/decisions/024-contest-events-across-servers.md). Ids are read back over a window
/// below the highest one seen, so a row whose id was taken before another's but committed after it
/// is still delivered, once.
/// </summary>
internal sealed class PollingContestEventRelay(
    IDbContextFactory<ContestsDbContext> dbFactory, ContestEvents local, IConfiguration configuration, TimeProvider clock, ILogger<PollingContestEventRelay> logger)
    : BackgroundService, IContestEventRelay
{
    public const string PollIntervalSetting = "LiveEvents:PollInterval";
    private const int ReorderWindow = 200;
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CleanEvery = TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<ContestEvent> _outgoing = Channel.CreateUnbounded<ContestEvent>(new() { SingleReader = true });
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly HashSet<long> _seen = [];
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _highest;

    /// <summary>Completes once this copy knows where the table stands: events written after it are delivered here.</summary>
    public Task Reading => _reading.Task;

    public void Send(ContestEvent contestEvent) => _outgoing.Writer.TryWrite(contestEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(PollIntervalSetting, TimeSpan.FromMilliseconds(250));
        if (interval <= TimeSpan.Zero || interval > TimeSpan.FromSeconds(10))
        {
            throw new InvalidOperationException($"{PollIntervalSetting} must be more than 0 and at most 00:00:10; it is {interval}.");
        }
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
            {
                // What was published before this copy started is not news to it.
                _highest = await db.RelayedEvents.MaxAsync(e => (long?)e.Id, stoppingToken) ?? 0;
                var floor = _highest - ReorderWindow;
                _seen.UnionWith(await db.RelayedEvents.Where(e => e.Id > floor).Select(e => e.Id).ToListAsync(stoppingToken));
            }
            _reading.TrySetResult();
            await Task.WhenAll(SendAsync(stoppingToken), PollAsync(interval, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        while (await _outgoing.Reader.WaitToReadAsync(ct))
        {
            var batch = new List<ContestEvent>();
            while (batch.Count < 100 && _outgoing.Reader.TryRead(out var contestEvent))
            {
                batch.Add(contestEvent);
            }
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var now = clock.GetUtcNow().UtcDateTime;
                db.RelayedEvents.AddRange(batch.Select(e => new RelayedEvent { Origin = _origin, Payload = JsonSerializer.Serialize(e, Json), CreatedAtUtc = now }));
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
            {
                // The other copies miss these; their screens catch up at the next event or reload.
                logger.LogWarning(ex, "Could not pass {Count} contest event(s) to the other copies.", batch.Count);
            }
        }
    }

    private async Task PollAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, clock);
        var cleaned = clock.GetUtcNow();
        var failing = false;
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await ReadNewAsync(ct);
                if (clock.GetUtcNow() - cleaned >= CleanEvery)
                {
                    cleaned = clock.GetUtcNow();
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    var before = cleaned.UtcDateTime - KeptFor;
                    await db.RelayedEvents.Where(e => e.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
                }
                if (failing)
                {
                    failing = false;
                    logger.LogInformation("Reading the other copies' contest events again.");
                }
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                if (!failing)
                {
                    failing = true;
                    logger.LogWarning(ex, "Could not read the other copies' contest events; trying again at every tick.");
                }
            }
        }
    }

    private async Task ReadNewAsync(CancellationToken ct)
    {
        var floor = Math.Max(0, _highest - ReorderWindow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.RelayedEvents.AsNoTracking().Where(e => e.Id > floor).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Origin, e.Payload }).Take(1000).ToListAsync(ct);
        foreach (var row in rows)
        {
            if (!_seen.Add(row.Id))
            {
                continue;
            }
            _highest = Math.Max(_highest, row.Id);
            if (row.Origin == _origin)
            {
                continue;
            }
            try
            {
                if (JsonSerializer.Deserialize<ContestEvent>(row.Payload, Json) is { } contestEvent)
                {
                    local.Publish(contestEvent);
                }
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Ignored relayed event {Id}: not a contest event.", row.Id);
            }
        }
        _seen.RemoveWhere(id => id <= Math.Max(0, _highest - ReorderWindow));
    }
}
