using HakuWinay.Contests.Common;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Accounts;

public sealed class AccountAdminServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private SqliteTestDatabase _database = null!;

    private static readonly ActingUser Admin = new("admin", IsAdmin: true);
    private static readonly ActingUser Technician = new("tech", IsTechnician: true);

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.InMemoryAsync();
        await using var db = _database.CreateDbContext();
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        await db.SaveChangesAsync();
        await AddUserAsync("admin", "Ana Admin", Roles.Admin);
        await AddUserAsync("admin2", "Beto Admin", Roles.Admin);
        await AddUserAsync("tech", "Carla Técnica", Roles.Technician);
        await AddUserAsync("rep", "Dora Quispe", Roles.Producer);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AccountAdminService Service() => new(_database, _time);

    private AccountQueries Queries() => new(_database, _time);

    private async Task AddUserAsync(string id, string name, string role)
    {
        await using var db = _database.CreateDbContext();
        db.Users.Add(new AppUser
        {
            Id = id, UserName = $"{id}@t.pe", NormalizedUserName = $"{id}@T.PE".ToUpperInvariant(), Email = $"{id}@t.pe",
            NormalizedEmail = $"{id}@T.PE".ToUpperInvariant(), FullName = name, SecurityStamp = "stamp-" + id, ConcurrencyStamp = Guid.NewGuid().ToString(),
            PasswordHash = "hash", CreatedAtUtc = Instants.Now,
        });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync() });
        await db.SaveChangesAsync();
    }

    private async Task<AppUser> UserAsync(string id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.SingleAsync(u => u.Id == id);
    }

    private async Task<List<string>> AuditActionsAsync(string userId)
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditLog.Where(a => a.EntityId == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public async Task Deactivating_records_who_when_and_why_rotates_the_stamp_and_is_audited()
    {
        var result = await Service().DeactivateAsync(Admin, "rep", "  Dejó de representar al grupo  ");

        Assert.True(result.Succeeded);
        Assert.True(result.Value);
        var user = await UserAsync("rep");
        Assert.Equal(Instants.Now, user.DeactivatedAtUtc);
        Assert.Equal("admin", user.DeactivatedByUserId);
        Assert.Equal("Dejó de representar al grupo", user.DeactivationReason);
        Assert.NotEqual("stamp-rep", user.SecurityStamp);
        Assert.Equal(["account.deactivated"], await AuditActionsAsync("rep"));
        Assert.Equal(AccountStatus.Deactivated, (await Queries().FindAsync("rep"))!.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Deactivating_without_a_reason_is_refused_at_the_reason(string? reason)
    {
        var result = await Service().DeactivateAsync(Admin, "rep", reason);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(("Reason", "Accounts.ReasonRequired"), (result.Violations[0].Field, result.Violations[0].Rule));
        Assert.False((await UserAsync("rep")).IsDeactivated);
    }

    [Fact]
    public async Task A_reason_longer_than_the_limit_is_refused()
    {
        var result = await Service().DeactivateAsync(Admin, "rep", new string('x', AppUser.MaxDeactivationReasonLength + 1));

        Assert.Equal("Accounts.ReasonTooLong", Assert.Single(result.Violations).Rule);
        Assert.False((await UserAsync("rep")).IsDeactivated);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_their_own_account()
    {
        var result = await Service().DeactivateAsync(Admin, "admin", "Prueba");

        Assert.Equal("Accounts.CannotDeactivateSelf", Assert.Single(result.Violations).Rule);
        Assert.False((await UserAsync("admin")).IsDeactivated);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_deactivated_nor_lose_the_role()
    {
        Assert.True((await Service().DeactivateAsync(Admin, "admin2", "Se jubiló")).Succeeded);
        var byAnotherAdmin = new ActingUser("tech-admin", IsAdmin: true);

        var deactivate = await Service().DeactivateAsync(byAnotherAdmin, "admin", "Prueba");
        var revoke = await Service().RevokeRoleAsync(byAnotherAdmin, "admin", Roles.Admin);

        Assert.Equal("Accounts.LastAdmin", Assert.Single(deactivate.Violations).Rule);
        Assert.Equal("Accounts.LastAdmin", Assert.Single(revoke.Violations).Rule);
        Assert.False((await UserAsync("admin")).IsDeactivated);
        Assert.Contains(Roles.Admin, (await Queries().FindAsync("admin"))!.Roles);
    }

    [Fact]
    public async Task Only_an_admin_changes_accounts()
    {
        var service = Service();

        Assert.Equal(ServiceOutcome.Forbidden, (await service.DeactivateAsync(Technician, "rep", "x")).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await service.ReactivateAsync(Technician, "rep")).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await service.UnlockAsync(Technician, "rep")).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await service.GrantRoleAsync(Technician, "tech", Roles.Admin)).Outcome);
        Assert.Empty(await AuditActionsAsync("tech"));
    }

    [Fact]
    public async Task An_unknown_account_answers_not_found()
    {
        Assert.Equal(ServiceOutcome.NotFound, (await Service().DeactivateAsync(Admin, "nobody", "x")).Outcome);
        Assert.Equal(ServiceOutcome.NotFound, (await Service().GrantRoleAsync(Admin, "nobody", Roles.Technician)).Outcome);
    }

    [Fact]
    public async Task Reactivating_clears_the_deactivation_keeps_the_new_stamp_and_is_audited()
    {
        await Service().DeactivateAsync(Admin, "rep", "Error de registro");
        var stampWhileDeactivated = (await UserAsync("rep")).SecurityStamp;

        var result = await Service().ReactivateAsync(Admin, "rep");

        Assert.True(result.Value);
        var user = await UserAsync("rep");
        Assert.Null(user.DeactivatedAtUtc);
        Assert.Null(user.DeactivationReason);
        Assert.Equal(stampWhileDeactivated, user.SecurityStamp);
        Assert.Equal(["account.deactivated", "account.reactivated"], await AuditActionsAsync("rep"));
    }

    [Fact]
    public async Task Deactivating_twice_changes_nothing_the_second_time()
    {
        await Service().DeactivateAsync(Admin, "rep", "Primera vez");

        var again = await Service().DeactivateAsync(new ActingUser("admin2", IsAdmin: true), "rep", "Segunda vez");

        Assert.True(again.Succeeded);
        Assert.False(again.Value);
        Assert.Equal("Primera vez", (await UserAsync("rep")).DeactivationReason);
        Assert.Single(await AuditActionsAsync("rep"));
    }

    [Fact]
    public async Task Unlocking_ends_the_lockout_and_resets_the_failed_count()
    {
        await using (var db = _database.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == "rep");
            user.LockoutEnd = new DateTimeOffset(Instants.Now.AddMinutes(10));
            user.AccessFailedCount = 5;
            await db.SaveChangesAsync();
        }
        Assert.Equal(AccountStatus.Locked, (await Queries().FindAsync("rep"))!.Status);

        var result = await Service().UnlockAsync(Admin, "rep");

        Assert.True(result.Value);
        var unlocked = await UserAsync("rep");
        Assert.Null(unlocked.LockoutEnd);
        Assert.Equal(0, unlocked.AccessFailedCount);
        Assert.Equal(AccountStatus.Active, (await Queries().FindAsync("rep"))!.Status);
        Assert.Equal(["account.unlocked"], await AuditActionsAsync("rep"));
    }

    [Fact]
    public async Task Granting_a_role_keeps_the_sessions_and_revoking_it_ends_them()
    {
        var grant = await Service().GrantRoleAsync(Admin, "tech", Roles.Admin);
        var stampAfterGrant = (await UserAsync("tech")).SecurityStamp;
        var revoke = await Service().RevokeRoleAsync(Admin, "tech", Roles.Technician);

        Assert.True(grant.Value);
        Assert.True(revoke.Value);
        Assert.Equal("stamp-tech", stampAfterGrant);
        Assert.NotEqual("stamp-tech", (await UserAsync("tech")).SecurityStamp);
        Assert.Equal([Roles.Admin], (await Queries().FindAsync("tech"))!.Roles);
        Assert.Equal(["account.role-granted", "account.role-revoked"], await AuditActionsAsync("tech"));
    }

    [Theory]
    [InlineData(Roles.Juror)]
    [InlineData(Roles.Producer)]
    [InlineData("Superuser")]
    public async Task Roles_that_follow_from_appointments_or_groups_are_not_changed_here(string role)
    {
        var result = await Service().GrantRoleAsync(Admin, "tech", role);

        Assert.Equal("Accounts.RoleNotManaged", Assert.Single(result.Violations).Rule);
        Assert.Equal([Roles.Technician], (await Queries().FindAsync("tech"))!.Roles);
    }

    [Fact]
    public async Task An_admin_cannot_revoke_their_own_admin_role()
    {
        var result = await Service().RevokeRoleAsync(Admin, "admin", Roles.Admin);

        Assert.Equal("Accounts.CannotRevokeOwnAdmin", Assert.Single(result.Violations).Rule);
        Assert.Contains(Roles.Admin, (await Queries().FindAsync("admin"))!.Roles);
    }

    [Fact]
    public async Task A_deactivated_account_gets_no_email_and_a_reactivated_one_does_again()
    {
        await Service().DeactivateAsync(Admin, "rep", "Dejó el grupo");
        await using (var db = _database.CreateDbContext())
        {
            Assert.False(await NotificationOutbox.QueueAsync(db, "Rep@T.pe", "Aviso", $"Hola.", Instants.Now));
            await db.SaveChangesAsync();
        }
        await Service().ReactivateAsync(Admin, "rep");
        await using (var db = _database.CreateDbContext())
        {
            Assert.True(await NotificationOutbox.QueueAsync(db, "rep@t.pe", "Aviso", $"Hola.", Instants.Now));
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        Assert.Equal(1, await check.Outbox.CountAsync());
    }
}
