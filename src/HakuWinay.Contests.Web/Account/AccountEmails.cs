using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// The emails of the account forms, all through the outbox. Each one to a person is deduplicated per
/// account and five-minute window (the outbox's key), so nobody can flood an inbox through the
/// forms, and a resend within the window is simply not queued again (docs/decisions/020).
/// </summary>
internal sealed class AccountEmails(
    IDbContextFactory<ContestsDbContext> dbFactory, PasswordSetupLinks links, UserManager<AppUser> users,
    TimeProvider clock, IOutboxSignal outboxSignal)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Stands in for an unknown email, so a reset asked for it costs a token like a real one.</summary>
    private static readonly AppUser Nobody = new() { SecurityStamp = Guid.NewGuid().ToString("N") };

    /// <summary>The confirmation link of a new account; false when one went out in the last few minutes.</summary>
    public async Task<bool> SendConfirmationAsync(AppUser user)
    {
        var link = await links.CreateConfirmationAsync(user);
        EmailMarkdown body = $"""
            Estimado(a) {user.FullName}:

            Para terminar de crear su cuenta en el portal de concursos Haku Wiñay, confirme su correo en este enlace (vale 7 días):

            <{link:url}>

            Si usted no creó esta cuenta, no haga nada: sin la confirmación la cuenta no se puede usar.
            """;
        return await QueueAsync(user, "Confirme su correo", body, "account-confirm");
    }

    /// <summary>To the owner of an email someone tried to register again: who owns it is told, the person at the form is not.</summary>
    public async Task SendRegistrationAttemptAsync(AppUser owner)
    {
        var signIn = links.Page(AccountPaths.Login);
        var forgot = links.Page(AccountPaths.ForgotPassword);
        EmailMarkdown body = $"""
            Estimado(a) {owner.FullName}:

            Alguien intentó crear una cuenta en el portal de concursos Haku Wiñay con su correo, que ya tiene una cuenta. No se creó ninguna cuenta nueva.

            Si fue usted, ingrese con su contraseña:

            <{signIn:url}>

            Si olvidó su contraseña, pida un enlace para elegir una nueva:

            <{forgot:url}>

            Si no fue usted, no tiene que hacer nada.
            """;
        await QueueAsync(owner, "Intento de crear una cuenta con su correo", body, "account-register-attempt");
    }

    /// <summary>
    /// A reset link to a known account; for an unknown email the same work but the email (a token on a
    /// stand-in, the audit entry and one save), so both answer in about the same time.
    /// </summary>
    public async Task SendResetAsync(AppUser? user)
    {
        if (user is null)
        {
            await users.GeneratePasswordResetTokenAsync(Nobody);
            await using var db = await dbFactory.CreateDbContextAsync();
            db.AuditLog.Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, null, "account.password-reset-requested", nameof(AppUser), "-"));
            await db.SaveChangesAsync();
            return;
        }
        var link = await links.CreateResetAsync(user);
        EmailMarkdown body = $"""
            Estimado(a) {user.FullName}:

            Alguien pidió cambiar la contraseña de su cuenta en el portal de concursos Haku Wiñay. Para elegir una nueva, abra este enlace (vale 7 días y se usa una vez):

            <{link:url}>

            Al cambiarla se cierran todas sus sesiones abiertas. Si usted no lo pidió, no haga nada: su contraseña sigue igual.
            """;
        await QueueAsync(user, "Cambio de contraseña", body, "account-reset", "account.password-reset-requested");
    }

    /// <summary>Tells every administrator, once per lockout, that an account was locked by failed sign-ins.</summary>
    public async Task AlertLockoutAsync(AppUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = user.LockoutEnd ?? clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var admins = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Admin && u.Email != null
                            orderby u.Id
                            select new { u.Id, Email = u.Email! }).ToListAsync();
        var lockout = $"account-lockout:{user.Id}:{until.UtcTicks}";
        EmailMarkdown body = $"""
            La cuenta {user.Email} ({user.FullName}) quedó bloqueada hasta las {until.ToOffset(TimeSpan.FromHours(-5)):HH:mm} (hora de Lima) por varios intentos fallidos de ingreso.

            Si se repite, puede ser alguien que prueba contraseñas. La persona puede volver a entrar cuando venza el bloqueo o elegir una contraseña nueva con "Olvidé mi contraseña".
            """;
        var queued = false;
        foreach (var admin in admins)
        {
            queued |= await NotificationOutbox.QueueAsync(db, admin.Email, "Cuenta bloqueada por intentos fallidos", body, now, $"{lockout}:{admin.Id}");
        }
        if (!queued)
        {
            return;
        }
        db.AuditLog.Add(AuditEntry.Record(now, null, "account.locked-out", nameof(AppUser), user.Id, after: new { user.Email, LockoutEndUtc = until.UtcDateTime }));
        await db.SaveChangesAsync();
        outboxSignal.MessagesQueued();
    }

    private async Task<bool> QueueAsync(AppUser user, string subject, EmailMarkdown body, string kind, string? auditAction = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        var key = $"{kind}:{user.Id}:{now.Ticks / Window.Ticks}";
        var queued = await NotificationOutbox.QueueAsync(db, user.Email!, subject, body, now, key);
        if (auditAction is not null)
        {
            db.AuditLog.Add(AuditEntry.Record(now, null, auditAction, nameof(AppUser), user.Id));
        }
        await db.SaveChangesAsync();
        if (queued)
        {
            outboxSignal.MessagesQueued();
        }
        return queued;
    }
}
