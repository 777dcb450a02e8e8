using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Notifications.Sms;

/// <summary>
/// SMS through the real Kannel of ./test.sh (bearerbox and fakesmsc; an smsbox of the test's own):
/// results published, a tranche paid and a visit reminder each reach fakesmsc once with their text;
/// with the gateway down an SMS waits in the outbox and leaves once when it is back; Kannel's
/// delivery report reaches the portal and is recorded on the message.
/// </summary>
public sealed class SmsJourney : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly KannelGateway _gateway = new();
    private readonly ReportingPortal _portal;

    public SmsJourney()
    {
        var port = FreePort();
        var address = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
        _portal = new ReportingPortal(new Dictionary<string, string?>
        {
            ["Hangfire:WorkerCount"] = "0",
            ["Portal:PublicUrl"] = address,
            ["Sms:Host"] = "127.0.0.1",
            ["Sms:Port"] = _gateway.Port.ToString(CultureInfo.InvariantCulture),
            ["Sms:User"] = TestPrerequisites.KannelUser,
            ["Sms:Password"] = TestPrerequisites.KannelPassword,
            ["Sms:SenderId"] = "HakuWinay",
            ["Sms:DeliveryReportBaseUrl"] = address,
            ["Sms:TimeoutSeconds"] = "10",
        });
        _portal.UseKestrel(port);
        _portal.StartServer();
    }

    private IDbContextFactory<ContestsDbContext> Database => _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

    [Fact]
    public async Task Results_a_tranche_and_a_visit_reminder_reach_the_phone_once_wait_out_a_gateway_down_and_report_delivery()
    {
        await _gateway.StartAsync();
        var representatives = await GiveMobilesAsync();
        var technician = await GiveMobileAsync(AwardedDemo.TechnicianEmail);
        var (assistedGroup, assistedMobile) = await MakeOneGroupAssistedAsync();

        // Results published: each representative who chose SMS gets the outcome.
        var awards = await AwardedDemo.PublishAsync(_portal);
        var award = awards.First(a => a.GroupId != assistedGroup);
        var representative = representatives[award.GroupId];
        await DispatchAsync();
        var results = await SmsAsync(representative, "sms:results:");
        Assert.Contains($"Perfil {award.ProfileCode}: Financiado, {Money.Format(award.Amount)}. Detalle: http://127.0.0.1:", results.TextBody, StringComparison.Ordinal);
        await ReachedOnceAsync(representative, results.TextBody);

        // A group staff act for, with no account, hears of its result at the mobile staff recorded (ADR 037).
        var assistedResults = await SmsAsync(assistedMobile, "sms:results:");
        Assert.Contains("resultados del concurso", assistedResults.TextBody, StringComparison.Ordinal);
        await ReachedOnceAsync(assistedMobile, assistedResults.TextBody);
        await using (var db = await Database.CreateDbContextAsync())
        {
            // Its email twin would carry the key without "sms:": there is none, as there is no email to send to.
            Assert.False(await db.Outbox.AnyAsync(m => m.DeduplicationKey == assistedResults.DeduplicationKey!.Substring(4)));
        }

        // A tranche paid, through the Administrator's service.
        var (admin, trancheId, amount) = await DueFirstTrancheAsync(award.AwardId);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var paid = await scope.ServiceProvider.GetRequiredService<AwardAdminService>().PayTrancheAsync(
                new ActingUser(admin, IsAdmin: true), award.AwardId, trancheId, new TranchePaymentInput(amount, Today, "OP-SMS-1"), null);
            Assert.True(paid.Succeeded, string.Join(", ", paid.Violations.Select(v => v.Rule)));
        }
        await DispatchAsync();
        var tranche = await SmsAsync(representative, "sms:award-tranche-paid:");
        Assert.StartsWith($"Haku Wiñay: se pago el tramo 1 de su premio (perfil {award.ProfileCode}): {Money.Format(amount)}. Vea: http://127.0.0.1:", tranche.TextBody, StringComparison.Ordinal);
        await ReachedOnceAsync(representative, tranche.TextBody);

        // A visit reminder to the technician, by the execution sweep.
        await RescheduleVisitAsync(award.AwardId, order: 1, Today.AddDays(3));
        await SweepAsync();
        await DispatchAsync();
        var reminder = await SmsAsync(technician, "sms:visit-reminder:");
        Assert.Contains($"visita 1 a ", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains($"el {Today.AddDays(3).ToString("dd/MM", CultureInfo.InvariantCulture)} (en 3 dias). Informe: http://127.0.0.1:", reminder.TextBody, StringComparison.Ordinal);
        await ReachedOnceAsync(technician, reminder.TextBody);

        // Kannel asks for the delivery report URL given with the SMS; the portal records it.
        await _portal.UntilAfterDeliveryReportAsync(async () => (await MessageAsync(reminder.Id)).Delivery != SmsDelivery.None, Within, "a delivery report recorded");

        // The gateway goes down: the next reminder waits in the outbox, attempted and not lost.
        await _gateway.StopAsync();
        await RescheduleVisitAsync(award.AwardId, order: 2, Today.AddDays(1));
        await SweepAsync();
        await DispatchAsync();
        var waiting = await SmsAsync(technician, "sms:visit-reminder:", skip: 1);
        Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Contains("Kannel 127.0.0.1:", waiting.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting.TextBody, KannelGateway.ReceivedBy(technician));

        // Back: once its back-off has passed (moved to now here; the back-off itself is a unit test), it leaves once.
        await _gateway.StartAsync();
        await using (var db = await Database.CreateDbContextAsync())
        {
            await db.Outbox.Where(m => m.Id == waiting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, DateTime.UtcNow.AddSeconds(-1)));
        }
        await DispatchAsync();
        await DispatchAsync();
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(waiting.Id)).Status);
        await ReachedOnceAsync(technician, waiting.TextBody);
        await ReachedOnceAsync(representative, results.TextBody);
    }

    private static DateOnly Today => DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));

    /// <summary>Every group representative gets a mobile of their own (random, so runs sharing fakesmsc never mix) and chooses SMS.</summary>
    private async Task<Dictionary<int, string>> GiveMobilesAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        var groups = await db.ProducerGroups.Where(g => g.RepresentativeUserId != null).Select(g => new { g.Id, g.RepresentativeUserId }).ToListAsync();
        var mobiles = new Dictionary<int, string>();
        foreach (var group in groups)
        {
            var user = await db.Users.SingleAsync(u => u.Id == group.RepresentativeUserId);
            user.PhoneNumber ??= RandomMobile();
            user.ChangeContact(user.PhoneNumber, ContactPreference.Sms);
            mobiles[group.Id] = user.PhoneNumber!;
        }
        await db.SaveChangesAsync();
        return mobiles;
    }

    /// <summary>
    /// The group of the contest's last profile loses its account (as if staff had registered it without
    /// one) and gets a mobile of its own on the group instead.
    /// </summary>
    private async Task<(int GroupId, string Mobile)> MakeOneGroupAssistedAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        var groupId = await (from p in db.BusinessProfiles
                             join c in db.Contests on p.ContestId equals c.Id
                             where c.Code == RankableDemo.ContestCode && p.Code != null
                             orderby p.Id descending
                             select p.ProducerGroupId).FirstAsync();
        var mobile = RandomMobile();
        var group = await db.ProducerGroups.SingleAsync(g => g.Id == groupId);
        group.ChangeRepresentativeMobile(mobile, DateTime.UtcNow);
        await db.SaveChangesAsync();
        await db.ProducerGroups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.RepresentativeUserId, (string?)null));
        return (groupId, mobile);
    }

    private async Task<string> GiveMobileAsync(string email)
    {
        await using var db = await Database.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.ChangeContact(RandomMobile(), ContactPreference.Both);
        await db.SaveChangesAsync();
        return user.PhoneNumber!;
    }

    private static string RandomMobile() =>
        "+519" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<(string Admin, int TrancheId, decimal Amount)> DueFirstTrancheAsync(int awardId)
    {
        await using var db = await Database.CreateDbContextAsync();
        var admin = await db.Users.Where(u => u.Email == AwardedDemo.AdminEmail).Select(u => u.Id).SingleAsync();
        var award = await db.Awards.Include(a => a.Tranches).SingleAsync(a => a.Id == awardId);
        award.RecordAgreement(Today, new StoredFile("convenio.pdf", Guid.NewGuid().ToString("N") + ".pdf", HakuWinay.Contests.Profiles.AttachmentKind.Pdf, 1_000, new string('a', 64)),
            admin, DateTime.UtcNow, Today);
        var tranche = award.Tranches.Single(t => t.Order == 1);
        if (tranche.Status != TrancheStatus.Due)
        {
            tranche.MakeDue(DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
        return (admin, tranche.Id, tranche.Amount);
    }

    private async Task RescheduleVisitAsync(int awardId, int order, DateOnly on)
    {
        await using var db = await Database.CreateDbContextAsync();
        var visit = await db.AwardVisits.SingleAsync(v => v.AwardId == awardId && v.Order == order);
        visit.Reschedule(on, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    private async Task SweepAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExecutionSweepService>().SweepAsync();
    }

    private async Task DispatchAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
    }

    private async Task<OutboxMessage> SmsAsync(string mobile, string keyPrefix, int skip = 0)
    {
        await using var db = await Database.CreateDbContextAsync();
        var messages = await db.Outbox.AsNoTracking()
            .Where(m => m.Channel == OutboxChannel.Sms && m.To == mobile && m.DeduplicationKey!.StartsWith(keyPrefix))
            .OrderBy(m => m.Id).ToListAsync();
        Assert.True(messages.Count > skip, $"No SMS {keyPrefix}… number {skip + 1} to {mobile}.");
        return messages[skip];
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>fakesmsc printed this text for this number, exactly once.</summary>
    private static async Task ReachedOnceAsync(string mobile, string text)
    {
        await KannelGateway.UntilReceivedAsync(() => KannelGateway.ReceivedBy(mobile).Contains(text), Within, $"fakesmsc received \"{text}\" for {mobile}");
        Assert.Single(KannelGateway.ReceivedBy(mobile), t => t == text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _portal.Dispose();
        _gateway.Dispose();
    }

    /// <summary>
    /// The portal, signalling each delivery report it has answered (the row is saved by then): Kannel
    /// calls it over HTTP from its own process, so the answered request is the signal a test awaits.
    /// </summary>
    private sealed class ReportingPortal(IDictionary<string, string?> settings) : PortalFactory(settings)
    {
        private event Action? DeliveryReportAnswered;

        /// <summary>Checks <paramref name="condition"/> now and after each delivery report answered, until it holds or the deadline passes.</summary>
        public async Task UntilAfterDeliveryReportAsync(Func<Task<bool>> condition, TimeSpan within, string what)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task CheckAsync()
            {
                try
                {
                    if (await condition())
                    {
                        done.TrySetResult();
                    }
                }
#pragma warning disable CA1031 // A failing check must fail the test, not vanish on a request thread.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    done.TrySetException(e);
                }
            }
            void OnAnswered() => _ = CheckAsync();
            DeliveryReportAnswered += OnAnswered;
            try
            {
                // Armed: a report answered before this raised no signal for us, so look once.
                await CheckAsync();
                await done.Task.WaitAsync(within);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Not true within {within.TotalSeconds} s: {what}.");
            }
            finally
            {
                DeliveryReportAnswered -= OnAnswered;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new SignalAfterDeliveryReports(() => DeliveryReportAnswered?.Invoke())));
        }
    }

    private sealed class SignalAfterDeliveryReports(Action answered) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                await following(context);
                if (context.Request.Path.StartsWithSegments("/sms/dlr", StringComparison.Ordinal))
                {
                    answered();
                }
            });
            next(app);
        };
    }
}
