using HakuWinay.Contests.Tests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Data;

public sealed class VersionStampInterceptorTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.InMemoryAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_save_gives_a_versioned_entity_a_new_version()
    {
        var message = new OutboxMessageBuilder().Build();
        await using (var db = _database.CreateDbContext())
        {
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
        }
        var added = message.Version;

        await using (var db = _database.CreateDbContext())
        {
            var loaded = await db.Outbox.SingleAsync();
            loaded.MarkSent(Instants.Now);
            await db.SaveChangesAsync();
            Assert.NotEqual(added, loaded.Version);
        }

        Assert.NotEqual(Guid.Empty, added);
    }

    [Fact]
    public async Task Save_based_on_a_stale_read_is_refused()
    {
        await OutboxTestData.QueueAsync(_database, count: 1);
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var mine = await first.Outbox.SingleAsync();
        var theirs = await second.Outbox.SingleAsync();

        theirs.MarkSent(Instants.Now);
        await second.SaveChangesAsync();
        mine.MarkFailed("timeout", Instants.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
    }

    [Fact]
    public async Task Instants_come_back_from_the_database_as_utc()
    {
        await OutboxTestData.QueueAsync(_database, count: 1);

        await using var db = _database.CreateDbContext();
        var loaded = await db.Outbox.AsNoTracking().SingleAsync();

        Assert.Equal(DateTimeKind.Utc, loaded.CreatedAtUtc.Kind);
        Assert.Equal(Instants.Now, loaded.CreatedAtUtc);
    }
}
