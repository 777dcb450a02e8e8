using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Territories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Identity;

/// <summary>
/// What a national administrator does to an account: deactivate it (its sessions end), reactivate
/// it, unlock it, grant or revoke a staff role, set a staff member's territorial scope. Every change
/// is audited. An administrator with a territorial scope does none of it (docs/decisions/028). Juror and Producer are not
/// granted here: they follow from a juror's invitation and a group's representative (docs/decisions/022).
/// </summary>
public sealed class AccountAdminService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The roles an administrator grants and revokes by hand.</summary>
    public static IReadOnlyList<string> ManagedRoles { get; } = [Roles.Admin, Roles.Technician];

    public async Task<ServiceResult<bool>> DeactivateAsync(ActingUser admin, string userId, string? reason, CancellationToken ct = default)
    {
        if (!await IsNationalAdminAsync(admin, ct))
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Forbidden);
        }
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return ServiceResult<bool>.Invalid("Reason", "Accounts.ReasonRequired");
        }
        if (trimmed.Length > AppUser.MaxDeactivationReasonLength)
        {
            return ServiceResult<bool>.Invalid("Reason", "Accounts.ReasonTooLong", AppUser.MaxDeactivationReasonLength);
        }
        if (userId == admin.UserId)
        {
            return ServiceResult<bool>.Invalid("Account", "Accounts.CannotDeactivateSelf");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        if (user.IsDeactivated)
        {
            // Another administrator was quicker: the page shows the state it now has.
            return ServiceResult<bool>.Ok(false);
        }
        if (await IsLastActiveAdminAsync(db, userId, ct))
        {
            return ServiceResult<bool>.Invalid("Account", "Accounts.LastAdmin");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        user.Deactivate(admin.UserId, trimmed, now);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "account.deactivated", nameof(AppUser), user.Id,
            after: new { user.Email, user.DeactivatedAtUtc, user.DeactivationReason }));
        return await SaveAsync(db, ct);
    }

    public async Task<ServiceResult<bool>> ReactivateAsync(ActingUser admin, string userId, CancellationToken ct = default)
    {
        if (!await IsNationalAdminAsync(admin, ct))
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        if (!user.IsDeactivated)
        {
            return ServiceResult<bool>.Ok(false);
        }
        var before = new { user.Email, user.DeactivatedAtUtc, user.DeactivatedByUserId, user.DeactivationReason };
        user.Reactivate();
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "account.reactivated", nameof(AppUser), user.Id, before: before));
        return await SaveAsync(db, ct);
    }

    /// <summary>Ends a lockout (five wrong passwords) before its 15 minutes are over.</summary>
    public async Task<ServiceResult<bool>> UnlockAsync(ActingUser admin, string userId, CancellationToken ct = default)
    {
        if (!await IsNationalAdminAsync(admin, ct))
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.LockoutEnd is not { } end || end.UtcDateTime <= now)
        {
            return ServiceResult<bool>.Ok(false);
        }
        var before = new { user.Email, LockoutEndUtc = end.UtcDateTime, user.AccessFailedCount };
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "account.unlocked", nameof(AppUser), user.Id, before: before));
        return await SaveAsync(db, ct);
    }

    /// <summary>Grants Admin or Technician; the user has it from their next page.</summary>
    public Task<ServiceResult<bool>> GrantRoleAsync(ActingUser admin, string userId, string role, CancellationToken ct = default) =>
        ChangeRoleAsync(admin, userId, role, grant: true, ct);

    /// <summary>Revokes Admin or Technician; the security stamp rotates, because the role is in every cookie and open circuit.</summary>
    public Task<ServiceResult<bool>> RevokeRoleAsync(ActingUser admin, string userId, string role, CancellationToken ct = default) =>
        ChangeRoleAsync(admin, userId, role, grant: false, ct);

    private async Task<ServiceResult<bool>> ChangeRoleAsync(ActingUser admin, string userId, string role, bool grant, CancellationToken ct)
    {
        if (!await IsNationalAdminAsync(admin, ct))
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Forbidden);
        }
        if (!ManagedRoles.Contains(role, StringComparer.Ordinal))
        {
            return ServiceResult<bool>.Invalid("Role", "Accounts.RoleNotManaged");
        }
        if (!grant && role == Roles.Admin && userId == admin.UserId)
        {
            return ServiceResult<bool>.Invalid("Role", "Accounts.CannotRevokeOwnAdmin");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        var roleId = await RoleIdAsync(db, role, ct);
        var link = await db.UserRoles.SingleOrDefaultAsync(ur => ur.UserId == userId && ur.RoleId == roleId, ct);
        if (grant == (link is not null))
        {
            return ServiceResult<bool>.Ok(false);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (grant)
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
        else
        {
            if (role == Roles.Admin && await IsLastActiveAdminAsync(db, userId, ct))
            {
                return ServiceResult<bool>.Invalid("Role", "Accounts.LastAdmin");
            }
            db.UserRoles.Remove(link!);
            user.RotateSecurityStamp();
        }
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, grant ? "account.role-granted" : "account.role-revoked", nameof(AppUser), user.Id,
            after: new { user.Email, Role = role }));
        return await SaveAsync(db, ct);
    }

    /// <summary>
    /// Sets the scope of an Administrator's or Technician's account: national, or the given areas
    /// (regions, provinces, districts of the catalogue). Nobody gives more than their own scope, and
    /// nobody changes their own: a national administrator is narrowed by another one.
    /// </summary>
    public async Task<ServiceResult<bool>> ChangeScopeAsync(ActingUser admin, string userId, StaffScope scope, CancellationToken ct = default)
    {
        if (!await IsNationalAdminAsync(admin, ct))
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.Forbidden);
        }
        if (userId == admin.UserId)
        {
            return ServiceResult<bool>.Invalid("Scope", "Accounts.CannotChangeOwnScope");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await StaffScopes.OfAsync(db, admin.UserId, ct)).Covers(scope))
        {
            return ServiceResult<bool>.Invalid("Scope", "Accounts.ScopeBeyondOwn");
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ServiceResult<bool>.Fail(ServiceOutcome.NotFound);
        }
        var staffRoleIds = db.Roles.Where(r => r.NormalizedName == "ADMIN" || r.NormalizedName == "TECHNICIAN").Select(r => r.Id);
        if (!await db.UserRoles.AnyAsync(ur => ur.UserId == userId && staffRoleIds.Contains(ur.RoleId), ct))
        {
            return ServiceResult<bool>.Invalid("Scope", "Accounts.ScopeOnlyForStaff");
        }
        if (await UnknownAreaAsync(db, scope, ct) is { } unknown)
        {
            return ServiceResult<bool>.Invalid("Scope", "Accounts.UnknownArea", unknown);
        }
        var before = await StaffScopes.OfAsync(db, userId, ct);
        if (before.Equals(scope))
        {
            return ServiceResult<bool>.Ok(false);
        }
        db.StaffScopeAreas.RemoveRange(await db.StaffScopeAreas.Where(a => a.UserId == userId).ToListAsync(ct));
        db.StaffScopeAreas.AddRange(scope.Areas.Select(code => new StaffScopeArea(userId, code)));
        if (scope.Covers(before))
        {
            // The account changes with its scope, so two administrators editing it at once do not both win.
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
        else
        {
            // Narrowed: an open page of a contest now outside the scope must not go on acting, so its
            // circuit ends at its next check (a minute), as when a role is revoked; the gate refuses the next request.
            user.RotateSecurityStamp();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "account.scope-changed", nameof(AppUser), user.Id,
            before: new { user.Email, Scope = before.ToString() }, after: new { user.Email, Scope = scope.ToString() }));
        try
        {
            return await SaveAsync(db, ct);
        }
        catch (DbUpdateException)
        {
            // The same areas written at the same moment by another administrator (the unique index).
            return ServiceResult<bool>.Fail(ServiceOutcome.Conflict);
        }
    }

    private static async Task<string?> UnknownAreaAsync(ContestsDbContext db, StaffScope scope, CancellationToken ct)
    {
        var regions = scope.RegionCodes;
        var provinces = scope.ProvinceCodes;
        var districts = scope.DistrictCodes;
        var known = (await db.Regions.Where(r => regions.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct))
            .Concat(await db.Provinces.Where(p => provinces.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct))
            .Concat(await db.Districts.Where(d => districts.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        return scope.Areas.FirstOrDefault(a => !known.Contains(a));
    }

    /// <summary>Account management is national staff's: a scoped administrator could otherwise widen their own reach.</summary>
    private async Task<bool> IsNationalAdminAsync(ActingUser admin, CancellationToken ct)
    {
        if (!admin.IsAdmin)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await StaffScopes.OfAsync(db, admin.UserId, ct)).IsNational;
    }

    /// <summary>Whether <paramref name="userId"/> is an active Admin and no other active Admin exists.</summary>
    private static async Task<bool> IsLastActiveAdminAsync(ContestsDbContext db, string userId, CancellationToken ct)
    {
        var adminRoleId = await RoleIdAsync(db, Roles.Admin, ct);
        var activeAdmins = db.UserRoles.Where(ur => ur.RoleId == adminRoleId)
            .Join(db.Users.Where(u => u.DeactivatedAtUtc == null), ur => ur.UserId, u => u.Id, (ur, u) => u.Id);
        return await activeAdmins.AnyAsync(id => id == userId, ct) && !await activeAdmins.AnyAsync(id => id != userId, ct);
    }

    // Every role exists from the first start (DatabaseInitializer creates Roles.All).
    private static Task<string> RoleIdAsync(ContestsDbContext db, string role, CancellationToken ct)
    {
        var normalized = role.ToUpperInvariant();
        return db.Roles.Where(r => r.NormalizedName == normalized).Select(r => r.Id).SingleAsync(ct);
    }

    private static async Task<ServiceResult<bool>> SaveAsync(ContestsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator changed the same account at the same moment.
            return ServiceResult<bool>.Fail(ServiceOutcome.Conflict);
        }
        return ServiceResult<bool>.Ok(true);
    }
}
