using System.Net;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Notifications.Sms;

/// <summary>
/// The SMS endpoints over HTTP: Kannel's delivery reports, short links, the Administrator's SMS
/// download, and who may change a mobile number.
/// </summary>
public sealed class SmsEndpointTests(SmsEndpointTests.Fixture fixture) : IClassFixture<SmsEndpointTests.Fixture>
{
    [Fact]
    public async Task A_delivery_report_with_the_right_token_is_recorded_once_and_answered_ok_each_time()
    {
        var (id, token) = await fixture.QueueSmsAsync();
        using var client = fixture.Portal.CreateClient();

        using var first = await client.GetAsync(new Uri($"/sms/dlr/{id}/{token}?type=8", UriKind.Relative));
        using var second = await client.GetAsync(new Uri($"/sms/dlr/{id}/{token}?type=1", UriKind.Relative));
        using var repeated = await client.GetAsync(new Uri($"/sms/dlr/{id}/{token}?type=1", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, repeated.StatusCode));
        var message = await fixture.MessageAsync(id);
        Assert.Equal(SmsDelivery.Delivered, message.Delivery);
    }

    [Theory]
    [InlineData("/sms/dlr/{id}/00000000000000000000000000000000?type=1")]
    [InlineData("/sms/dlr/{id}/{token}x?type=1")]
    [InlineData("/sms/dlr/999999999/{token}?type=1")]
    [InlineData("/sms/dlr/{id}/{token}?type=7")]
    [InlineData("/sms/dlr/{id}/{token}?type=%25d")]
    [InlineData("/sms/dlr/{id}/{token}?type=1%27%20OR%201=1")]
    [InlineData("/sms/dlr/{id}/{token}")]
    [InlineData("/sms/dlr/{id}/%3Cscript%3E?type=1")]
    public async Task A_wrong_token_unknown_id_or_malformed_report_is_404_and_changes_nothing(string template)
    {
        var (id, token) = await fixture.QueueSmsAsync();
        using var client = fixture.Portal.CreateClient();

        using var response = await client.GetAsync(new Uri(template.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{token}", token, StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(SmsDelivery.None, (await fixture.MessageAsync(id)).Delivery);
    }

    [Fact]
    public async Task A_short_link_redirects_anyone_to_its_page_of_the_portal()
    {
        string link;
        await using (var db = await fixture.Database.CreateDbContextAsync())
        {
            link = ShortLinks.Create(db, null, "/profiles/5", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        using var client = fixture.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profiles/5", response.Headers.Location!.OriginalString);
        Assert.Matches("^/s/[A-Za-z0-9]{10}$", link);
    }

    [Theory]
    [InlineData("/s/AAAAAAAAAA")]
    [InlineData("/s/short")]
    [InlineData("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/s/%2F%2Fevil.example")]
    public async Task An_unknown_or_malformed_short_code_is_404(string path)
    {
        using var client = fixture.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public void A_short_link_never_leads_off_the_portal(string target) =>
        Assert.False(ShortLink.IsLocalPath(target));

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData(Roles.Juror, HttpStatusCode.Redirect)]
    [InlineData(Roles.Producer, HttpStatusCode.Redirect)]
    [InlineData(Roles.Technician, HttpStatusCode.Redirect)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task Only_an_administrator_downloads_an_sms(string? role, HttpStatusCode expected)
    {
        var (id, _) = await fixture.QueueSmsAsync();
        using var client = fixture.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            await SignIn.AsAsync(client, Fixture.Accounts[role], PortalFactory.DemoPassword);
        }

        using var response = await client.GetAsync(new Uri($"/admin/outbox/{id}.sms.txt", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("To: +51987654321\nEncoding: Gsm7\nParts: 1\n\nHaku Wiñay", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Nobody_but_the_person_or_an_administrator_changes_a_mobile_number()
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var contacts = scope.ServiceProvider.GetRequiredService<ContactService>();
        var (producer, juror, admin) = (await fixture.UserIdAsync(Roles.Producer), await fixture.UserIdAsync(Roles.Juror), await fixture.UserIdAsync(Roles.Admin));
        var stamp = (await contacts.GetAsync(new ActingUser(juror), juror))!.ConcurrencyStamp;

        Assert.Null(await contacts.GetAsync(new ActingUser(producer), juror));
        Assert.Equal(ServiceOutcome.Forbidden, (await contacts.ChangeAsync(new ActingUser(producer), juror, "987654321", ContactPreference.Sms, stamp)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await contacts.ChangeAsync(new ActingUser(producer, IsTechnician: true), juror, "987654321", ContactPreference.Sms, stamp)).Outcome);

        var own = await contacts.ChangeAsync(new ActingUser(juror), juror, "987-654-321", ContactPreference.Both, stamp);
        Assert.True(own.Succeeded);
        Assert.Equal("+51987654321", own.Value!.Mobile);
        var stale = await contacts.ChangeAsync(new ActingUser(admin, IsAdmin: true), juror, "912345678", ContactPreference.Sms, stamp);
        Assert.Equal(ServiceOutcome.Conflict, stale.Outcome);
        var byAdmin = await contacts.ChangeAsync(new ActingUser(admin, IsAdmin: true), juror, "912 345 678", ContactPreference.Sms, own.Value.ConcurrencyStamp);
        Assert.Equal(("+51912345678", ContactPreference.Sms), (byAdmin.Value!.Mobile, byAdmin.Value.Preference));
    }

    [Theory]
    [InlineData("12345", ContactPreference.Sms, "Mobile.Invalid")]
    [InlineData("", ContactPreference.Sms, "Contact.SmsNeedsMobile")]
    [InlineData("+1 202 555 0100", ContactPreference.Both, "Mobile.NotPeruvian")]
    public async Task A_wrong_number_is_refused_beside_its_field_and_the_saved_one_stays(string mobile, ContactPreference preference, string rule)
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var contacts = scope.ServiceProvider.GetRequiredService<ContactService>();
        var technician = await fixture.UserIdAsync(Roles.Technician);
        var before = (await contacts.GetAsync(new ActingUser(technician, IsTechnician: true), technician))!;

        var refused = await contacts.ChangeAsync(new ActingUser(technician, IsTechnician: true), technician, mobile, preference, before.ConcurrencyStamp);

        Assert.Equal(ServiceOutcome.Invalid, refused.Outcome);
        Assert.Equal(("Mobile", rule), (refused.Violations.Single().Field, refused.Violations.Single().Rule));
        Assert.Equal(before, await contacts.GetAsync(new ActingUser(technician, IsTechnician: true), technician));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public static readonly Dictionary<string, string> Accounts = new()
        {
            [Roles.Admin] = "admin@demo.hakuwinay.pe",
            [Roles.Juror] = "jurado1@demo.hakuwinay.pe",
            [Roles.Producer] = "grupo1@demo.hakuwinay.pe",
            [Roles.Technician] = "tecnico@demo.hakuwinay.pe",
        };

        public PortalFactory Portal { get; } = new(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });

        public IDbContextFactory<ContestsDbContext> Database => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

        public Task InitializeAsync()
        {
            _ = Portal.Services;
            return Task.CompletedTask;
        }

        public async Task<(long Id, string Token)> QueueSmsAsync()
        {
            await using var db = await Database.CreateDbContextAsync();
            var message = OutboxMessage.Sms("+51987654321", "Aviso", "Haku Wiñay: aviso de prueba", DateTime.UtcNow);
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
            return (message.Id, message.DeliveryToken!);
        }

        public async Task<OutboxMessage> MessageAsync(long id)
        {
            await using var db = await Database.CreateDbContextAsync();
            return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
        }

        public async Task<string> UserIdAsync(string role)
        {
            await using var db = await Database.CreateDbContextAsync();
            return await db.Users.Where(u => u.Email == Accounts[role]).Select(u => u.Id).SingleAsync();
        }

        public Task DisposeAsync()
        {
            Portal.Dispose();
            return Task.CompletedTask;
        }
    }
}
