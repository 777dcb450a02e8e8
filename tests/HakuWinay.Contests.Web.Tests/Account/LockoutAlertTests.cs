using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HakuWinay.Contests.Web.Tests.Account.AccountTestClients;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>An account locked by failed sign-ins is reported to the administrators, once per lockout, and audited.</summary>
public sealed class LockoutAlertTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Subject = "Cuenta bloqueada por intentos fallidos";

    [Fact]
    public async Task A_lockout_emails_each_administrator_once_and_is_audited()
    {
        const string email = "bloqueo@correo.pe";
        var portal = fixture.Factory;
        await NewAccountAsync(portal, email, "llamas del altiplano 7");

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            using var failed = await SignIn.PostLoginAsync(Browser(portal), email, "no-es-la-clave-" + attempt);
        }

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        var admins = await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == "Admin" select u.Email).ToListAsync();
        var alerts = await db.Outbox.Where(m => m.Subject == Subject && m.TextBody.Contains(email)).Select(m => m.To).ToListAsync();
        Assert.NotEmpty(admins);
        Assert.Equal(admins.Order(StringComparer.Ordinal), alerts.Order(StringComparer.Ordinal));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "account.locked-out" && a.AfterJson!.Contains(email)));
    }
}
