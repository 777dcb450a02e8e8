using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Text;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Notifications;

public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.InMemoryAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Queued_email_is_saved_with_the_change_and_due_at_once()
    {
        await using (var db = _database.CreateDbContext())
        {
            var queued = await NotificationOutbox.QueueAsync(
                db, "grupo1@demo.hakuwinay.pe", "Perfil recibido", $"Su perfil **Cuyes Quinua** fue recibido.", Instants.Now);
            Assert.True(queued);
            await db.SaveChangesAsync();
        }

        var message = Assert.Single(await OutboxTestData.AllAsync(_database));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(Instants.Now, message.NextAttemptAtUtc);
        Assert.Equal("Su perfil Cuyes Quinua fue recibido.", message.TextBody);
        Assert.Contains("<strong>Cuyes Quinua</strong>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>Perfil recibido</title>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_body_is_rendered_inert()
    {
        await using var db = _database.CreateDbContext();

        await NotificationOutbox.QueueAsync(
            db, "grupo1@demo.hakuwinay.pe", "Aviso", EmailMarkdown.Trusted("<script>alert(1)</script> [bases](javascript:alert(1))"), Instants.Now);

        var message = Assert.Single(db.Outbox.Local);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Same_deduplication_key_queues_once_even_before_saving()
    {
        await using var db = _database.CreateDbContext();
        const string key = "reminder:stage:12:juror:7:48h";

        var first = await NotificationOutbox.QueueAsync(db, "jurado1@demo.hakuwinay.pe", "Recordatorio", $"Faltan 48 horas.", Instants.Now, key);
        var second = await NotificationOutbox.QueueAsync(db, "jurado1@demo.hakuwinay.pe", "Recordatorio", $"Faltan 48 horas.", Instants.Now, key);
        await db.SaveChangesAsync();

        Assert.True(first);
        Assert.False(second);
        Assert.Single(await OutboxTestData.AllAsync(_database));
    }

    [Fact]
    public async Task Same_deduplication_key_queues_once_across_contexts()
    {
        const string key = "results:contest:3:group:9";
        await using (var db = _database.CreateDbContext())
        {
            Assert.True(await NotificationOutbox.QueueAsync(db, "grupo1@demo.hakuwinay.pe", "Resultados", $"Publicados.", Instants.Now, key));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateDbContext())
        {
            Assert.False(await NotificationOutbox.QueueAsync(db, "grupo1@demo.hakuwinay.pe", "Resultados", $"Publicados.", Instants.Now.AddHours(1), key));
            await db.SaveChangesAsync();
        }

        Assert.Single(await OutboxTestData.AllAsync(_database));
    }

    [Fact]
    public async Task Database_refuses_a_second_message_with_the_same_key_queued_at_the_same_time()
    {
        // Two requests each checked the key before either saved: the unique index settles it.
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        first.Outbox.Add(new OutboxMessageBuilder().WithDeduplicationKey("acta:contest:3").Build());
        second.Outbox.Add(new OutboxMessageBuilder().WithDeduplicationKey("acta:contest:3").Build());

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.Single(await OutboxTestData.AllAsync(_database));
    }

    [Fact]
    public async Task Different_keys_and_no_key_queue_every_time()
    {
        await using var db = _database.CreateDbContext();

        Assert.True(await NotificationOutbox.QueueAsync(db, "a@demo.hakuwinay.pe", "Aviso", $"1", Instants.Now, "k1"));
        Assert.True(await NotificationOutbox.QueueAsync(db, "a@demo.hakuwinay.pe", "Aviso", $"2", Instants.Now, "k2"));
        Assert.True(await NotificationOutbox.QueueAsync(db, "a@demo.hakuwinay.pe", "Aviso", $"3", Instants.Now));
        Assert.True(await NotificationOutbox.QueueAsync(db, "a@demo.hakuwinay.pe", "Aviso", $"4", Instants.Now));
        await db.SaveChangesAsync();

        Assert.Equal(4, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Email_to_a_bad_address_is_refused()
    {
        await using var db = _database.CreateDbContext();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            NotificationOutbox.QueueAsync(db, "Ana <ana@x.pe>", "Aviso", $"Texto", Instants.Now));
        Assert.Empty(db.Outbox.Local);
    }
}
