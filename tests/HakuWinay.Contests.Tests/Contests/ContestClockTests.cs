using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestClockTests : IAsyncLifetime
{
    private static readonly DateTime Opens = Instants.Lima(2026, 12, 1, 8, 0);
    private static readonly DateTime Closes = Instants.Lima(2026, 12, 23, 17, 59);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        db.ProductionLines.Add(new HakuWinay.Contests.Catalog.ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs"));
        await db.SaveChangesAsync();
        db.Contests.Add(new ContestBuilder().WithCategory("IDEA").OpensAt(Opens).ClosesAt(Closes).Published().Build());
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ContestClock Clock() => new(_database, _time, NullLogger<ContestClock>.Instance);

    private async Task<(ContestStatus Status, int AuditEntries)> StateAsync()
    {
        await using var db = _database.CreateDbContext();
        return ((await db.Contests.SingleAsync()).Status, await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task The_call_opens_on_the_minute_and_closes_on_the_minute_once_each()
    {
        _time.SetUtcNow(Opens.AddSeconds(-1));
        Assert.Equal(0, await Clock().SyncAsync());
        Assert.Equal((ContestStatus.Published, 0), await StateAsync());

        _time.SetUtcNow(Opens);
        Assert.Equal(1, await Clock().SyncAsync());
        Assert.Equal(0, await Clock().SyncAsync());
        Assert.Equal((ContestStatus.Open, 1), await StateAsync());

        _time.SetUtcNow(Closes.AddTicks(-1));
        Assert.Equal(0, await Clock().SyncAsync());
        _time.SetUtcNow(Closes);
        Assert.Equal(1, await Clock().SyncAsync());
        Assert.Equal((ContestStatus.Closed, 2), await StateAsync());
    }

    [Fact]
    public async Task A_server_that_was_down_for_the_whole_call_opens_and_closes_it_in_one_run()
    {
        _time.SetUtcNow(Closes.AddDays(1));

        await Clock().SyncAsync();

        Assert.Equal((ContestStatus.Closed, 1), await StateAsync());
    }

    [Fact]
    public async Task Two_servers_running_the_clock_at_once_record_each_change_once()
    {
        _time.SetUtcNow(Opens);

        var changes = await Task.WhenAll(Clock().SyncAsync(), Clock().SyncAsync());

        Assert.Equal(1, changes.Sum());
        Assert.Equal((ContestStatus.Open, 1), await StateAsync());
    }
}
