using System.Net;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Hosting;

public sealed class ProductionStartupTests
{
    [Fact]
    public async Task In_production_there_is_no_demo_and_the_first_admin_comes_from_configuration()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "jefa@foncodes.example.pe",
            ["Bootstrap:AdminPassword"] = "una frase larga de acceso",
        }, environment: "Production");
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = PortalFactory.ProductionAddress });

        await SignIn.AsAsync(client, "jefa@foncodes.example.pe", "una frase larga de acceso");
        using var admin = await client.GetAsync("/admin");
        using var demo = await SignIn.PostLoginAsync(portal.CreateClient(), "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("El correo o la contraseña no son correctos", await demo.Content.ReadAsStringAsync());
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(["jefa@foncodes.example.pe"], await db.Users.Select(u => u.Email).ToListAsync());
        Assert.Equal(0, await db.Contests.CountAsync());
        Assert.Equal(0, await db.ProducerGroups.CountAsync());
        Assert.Equal(25, await db.Regions.CountAsync());
    }

    [Fact]
    public void A_bootstrap_admin_without_a_password_stops_startup_with_a_message_naming_the_setting()
    {
        using var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "jefa@foncodes.example.pe",
        }, environment: "Production");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("Bootstrap__AdminPassword", error.Message);
    }

    [Fact]
    public async Task Two_copies_of_the_portal_on_one_database_accept_each_others_sign_in_cookie()
    {
        var folder = Directory.CreateTempSubdirectory("haku-shared-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["DataFolder"] = folder,
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "shared.db")}",
        };
        try
        {
            using var first = new PortalFactory(settings);
            using var second = new PortalFactory(settings);
            using var firstClient = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var secondClient = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

            using var login = await SignIn.PostLoginAsync(firstClient, "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword);
            var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("HakuWinay.Auth=", StringComparison.Ordinal)).Split(';')[0];
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", cookie);
            using var onSecond = await secondClient.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
            var factory = first.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_role_exists_after_startup()
    {
        using var portal = new PortalFactory(environment: "Production");
        using var client = portal.CreateClient();
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();

        var roles = await db.Roles.Select(r => r.Name!).ToListAsync();

        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
    }
}
