using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Web.Tests.Notifications;

/// <summary>The outbox, the dispatcher and MailKit against a real SMTP server (maildev).</summary>
public sealed class EmailDeliveryTests
{
    private static Dictionary<string, string?> Smtp(string host, int port) => new()
    {
        ["Smtp:Host"] = host,
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:TimeoutSeconds"] = "5",
        // No background worker: the test decides when the dispatcher runs.
        ["Hangfire:WorkerCount"] = "0",
    };

    private static async Task<long> QueueAsync(IServiceProvider services, string to, string subject, string markdown, DateTime nowUtc)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.True(await NotificationOutbox.QueueAsync(db, to, subject, HakuWinay.Contests.Text.EmailMarkdown.Trusted(markdown), nowUtc));
        await db.SaveChangesAsync();
        return await db.Outbox.Where(m => m.Subject == subject).Select(m => m.Id).SingleAsync();
    }

    private static async Task<int> DispatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
    }

    private static async Task<OutboxMessage> ReadAsync(IServiceProvider services, long id)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task An_outbox_email_reaches_the_smtp_server_through_mailkit()
    {
        using var portal = new PortalFactory(Smtp(TestPrerequisites.SmtpHost, TestPrerequisites.SmtpPort));
        using var maildev = new MaildevClient(TestPrerequisites.MaildevUrl);
        var subject = $"Constancia de postulación {Guid.NewGuid():N}";

        var id = await QueueAsync(portal.Services, "grupo1@demo.hakuwinay.pe", subject, "Su perfil **AYA-2026-01-017** fue recibido.", DateTime.UtcNow);
        var sent = await DispatchAsync(portal.Services);

        Assert.Equal(1, sent);
        var received = Assert.Single(await maildev.WaitForAsync(subject));
        Assert.Equal("grupo1@demo.hakuwinay.pe", Assert.Single(received.To).Address);
        Assert.Contains("<strong>AYA-2026-01-017</strong>", received.Html);
        Assert.Contains("Su perfil AYA-2026-01-017 fue recibido.", received.Text);
        var row = await ReadAsync(portal.Services, id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_send_that_fails_while_the_smtp_server_is_down_is_delivered_once_it_is_back()
    {
        var port = MaildevProcess.FreePort();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        using var basePortal = new PortalFactory(Smtp("127.0.0.1", port));
        using var portal = basePortal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var subject = $"Aviso {Guid.NewGuid():N}";
        var id = await QueueAsync(portal.Services, "jurado1@demo.hakuwinay.pe", subject, "Recordatorio", clock.GetUtcNow().UtcDateTime);

        var sentWhileDown = await DispatchAsync(portal.Services);
        var afterFailure = await ReadAsync(portal.Services, id);

        Assert.Equal(0, sentWhileDown);
        Assert.Equal(OutboxStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Contains($"127.0.0.1:{port}", afterFailure.LastError);

        using var server = await MaildevProcess.StartAsync(TestPrerequisites.MaildevExecutable, port);
        using var maildev = new MaildevClient(server.WebUrl);
        var sentTooEarly = await DispatchAsync(portal.Services);
        clock.Advance(OutboxMessage.BackOff(1) + TimeSpan.FromSeconds(1));
        var sentAfterBackOff = await DispatchAsync(portal.Services);
        var sentAgain = await DispatchAsync(portal.Services);

        Assert.Equal(0, sentTooEarly);
        Assert.Equal(1, sentAfterBackOff);
        Assert.Equal(0, sentAgain);
        Assert.Single(await maildev.WaitForAsync(subject));
        Assert.Single(await maildev.AllAsync(), m => m.Subject == subject);
        var delivered = await ReadAsync(portal.Services, id);
        Assert.Equal(OutboxStatus.Sent, delivered.Status);
        Assert.Equal(2, delivered.Attempts);
    }

    [Fact]
    public async Task Without_smtp_each_email_is_written_as_an_eml_file_in_the_data_folder()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });
        var subject = $"Resultado {Guid.NewGuid():N}";

        var id = await QueueAsync(portal.Services, "grupo2@demo.hakuwinay.pe", subject, "Felicitaciones", DateTime.UtcNow);
        var sent = await DispatchAsync(portal.Services);

        Assert.Equal(1, sent);
        var file = Path.Combine(portal.DataFolder, "outbox", $"{id:D8}.eml");
        var eml = await File.ReadAllTextAsync(file);
        Assert.Contains($"Subject: {subject}", eml);
        Assert.Contains($"Message-Id: <outbox-{id}@hakuwinay.contests>", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("To: grupo2@demo.hakuwinay.pe", eml);
    }
}
