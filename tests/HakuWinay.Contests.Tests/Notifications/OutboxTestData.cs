using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Notifications;

/// <summary>Puts messages in a test database's outbox and reads them back.</summary>
internal static class OutboxTestData
{
    /// <summary>Saves <paramref name="count"/> messages to grupo1@…, grupo2@…, queued at <paramref name="queuedAtUtc"/> (default: the tests' now).</summary>
    public static async Task<IReadOnlyList<long>> QueueAsync(IDbContextFactory<ContestsDbContext> database, int count, DateTime? queuedAtUtc = null)
    {
        await using var db = await database.CreateDbContextAsync();
        var messages = Enumerable.Range(1, count)
            .Select(i => new OutboxMessageBuilder(queuedAtUtc ?? Instants.Now).To($"grupo{i}@demo.hakuwinay.pe").About($"Aviso {i}").Build())
            .ToList();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return [.. messages.Select(m => m.Id)];
    }

    public static async Task<List<OutboxMessage>> AllAsync(IDbContextFactory<ContestsDbContext> database)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<OutboxMessage> SingleAsync(IDbContextFactory<ContestsDbContext> database, long id)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
