using Bunit;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Web.Components.Pages.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Tests.Components.Pages.Notifications;

public sealed class OutboxPageTests : ComponentTestBase
{
    // QuickGrid loads a small JS module for its column menus; the grid's data does not depend on it.
    public OutboxPageTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    // QuickGrid pads a page with empty placeholder rows; the messages are the rows with content.
    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<OutboxPage> cut) =>
        cut.FindAll("[data-testid=outbox-grid] tbody tr").Where(r => r.TextContent.Contains('@', StringComparison.Ordinal)).ToList();

    private async Task<(long Sent, long Failed)> SeedAsync()
    {
        await using var db = Database.CreateDbContext();
        var sent = new OutboxMessage("grupo1@t.pe", "Constancia enviada", "texto", "<p>texto</p>", Now);
        sent.MarkSent(Now);
        var failed = new OutboxMessage("grupo2@t.pe", "Aviso que falló", "texto", "<p>texto</p>", Now);
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            failed.MarkFailed("SMTP caído", Now);
        }
        db.Outbox.AddRange(sent, failed);
        await db.SaveChangesAsync();
        return (sent.Id, failed.Id);
    }

    [Fact]
    public async Task The_outbox_lists_messages_and_filters_by_status()
    {
        await SeedAsync();
        SignInAs("admin", "admin@t.pe", Roles.Admin);

        RenderAsLiveCircuit();
        var cut = Render<OutboxPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));
        cut.Find("#status-filter").Change(nameof(OutboxStatus.Failed));

        cut.WaitForAssertion(() => Assert.Single(Rows(cut)));
        Assert.Contains("Aviso que falló", Rows(cut)[0].TextContent);
        Assert.Contains("Fallido", Rows(cut)[0].TextContent);
    }

    [Fact]
    public async Task Retrying_a_failed_message_queues_it_again()
    {
        var (_, failedId) = await SeedAsync();
        SignInAs("admin", "admin@t.pe", Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<OutboxPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("button.btn-link")));

        cut.Find("button.btn-link").Click();

        cut.WaitForAssertion(() => Assert.Contains("El correo volvió a la cola de envío.", cut.Markup));
        await using var db = Database.CreateDbContext();
        var message = await db.Outbox.SingleAsync(m => m.Id == failedId);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Empty(cut.FindAll("button.btn-link"));
    }

    [Fact]
    public async Task A_message_that_is_no_longer_failed_is_not_queued_twice()
    {
        var (sentId, _) = await SeedAsync();
        var outbox = new OutboxQueries(Database, TimeProvider.System, new CountingSignal());

        var requeued = await outbox.RequeueAsync(sentId);
        var unknown = await outbox.RequeueAsync(987654);

        Assert.False(requeued);
        Assert.False(unknown);
    }

    private sealed class CountingSignal : IOutboxSignal
    {
        public int Count { get; private set; }

        public void MessagesQueued() => Count++;
    }
}
