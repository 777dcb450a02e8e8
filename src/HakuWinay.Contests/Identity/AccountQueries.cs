using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Identity;

public enum AccountStatus
{
    Active,
    /// <summary>Deactivated by an administrator: cannot sign in.</summary>
    Deactivated,
    /// <summary>Locked for a while after repeated wrong passwords.</summary>
    Locked,
    /// <summary>Invited or registered by staff, and the set-password link not used yet.</summary>
    Unconfirmed,
}

/// <summary>The accounts page's search: words of the name or email, and one role.</summary>
public sealed record AccountListFilter(string? Search = null, string? Role = null);

public sealed record AccountRow(
    string Id, string FullName, string Email, IReadOnlyList<string> Roles, AccountStatus Status, DateTime CreatedAtUtc,
    DateTime? DeactivatedAtUtc, string? DeactivationReason, DateTime? LockedUntilUtc,
    Territories.StaffScope? Scope = null, IReadOnlyList<string>? AreaNames = null)
{
    /// <summary>Administrators and Technicians have a territorial scope; jurors and producers do not.</summary>
    public bool IsStaff => Roles.Contains(Identity.Roles.Admin) || Roles.Contains(Identity.Roles.Technician);
}

public sealed record AccountPage(IReadOnlyList<AccountRow> Rows, int Total);

/// <summary>Reads the accounts for the administrators' accounts page, one page at a time.</summary>
public sealed class AccountQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Longer searches are cut here: no name or email is this long, and the query stays small.</summary>
    public const int MaxSearchLength = 100;

    public async Task<AccountPage> ListAsync(AccountListFilter filter, int skip, int take, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (Term(filter.Search) is { } term)
        {
            // Compared upper-cased on every provider: PostgreSQL and SQLite compare text case-sensitively,
            // and EF translates no StringComparison overload of Contains to SQL.
#pragma warning disable CA1862
            users = users.Where(u => u.FullName.ToUpper().Contains(term) || u.NormalizedEmail!.Contains(term));
#pragma warning restore CA1862
        }
        if (filter.Role is { Length: > 0 } role)
        {
            var normalized = role.ToUpperInvariant();
            var roleIds = db.Roles.Where(r => r.NormalizedName == normalized).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        var total = await users.CountAsync(ct);
        var rows = await RowsAsync(db, users.OrderBy(u => u.FullName).ThenBy(u => u.Email).Skip(skip).Take(take), ct);
        return new AccountPage(rows, total);
    }

    /// <summary>One account as the page shows it, after an action changed it; null when there is no such account.</summary>
    public async Task<AccountRow?> FindAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await RowsAsync(db, db.Users.AsNoTracking().Where(u => u.Id == userId), ct)).SingleOrDefault();
    }

    private async Task<List<AccountRow>> RowsAsync(ContestsDbContext db, IQueryable<AppUser> users, CancellationToken ct)
    {
        var page = await users
            .Select(u => new
            {
                u.Id, u.FullName, u.Email, u.CreatedAtUtc, u.DeactivatedAtUtc, u.DeactivationReason, u.LockoutEnd,
                HasPassword = u.PasswordHash != null,
            })
            .ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        var areas = (await db.StaffScopeAreas.Where(a => ids.Contains(a.UserId)).Select(a => new { a.UserId, a.Code }).ToListAsync(ct))
            .ToLookup(a => a.UserId, a => a.Code);
        var names = await new Territories.StaffScopes(dbFactory).NamesAsync(areas.SelectMany(a => a), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return page.Select(u =>
        {
            var lockedUntil = u.LockoutEnd?.UtcDateTime is { } end && end > now ? end : (DateTime?)null;
            var status = u.DeactivatedAtUtc is not null ? AccountStatus.Deactivated
                : lockedUntil is not null ? AccountStatus.Locked
                : !u.HasPassword ? AccountStatus.Unconfirmed
                : AccountStatus.Active;
            var scope = areas[u.Id].Any() ? Territories.StaffScope.Of(areas[u.Id]) : Territories.StaffScope.National;
            return new AccountRow(u.Id, u.FullName, u.Email ?? "", roles[u.Id].Order(StringComparer.Ordinal).ToList(), status,
                u.CreatedAtUtc, u.DeactivatedAtUtc, u.DeactivationReason, lockedUntil, scope, scope.Areas.Select(a => names[a]).ToList());
        }).ToList();
    }

    private static string? Term(string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }
        return (term.Length > MaxSearchLength ? term[..MaxSearchLength] : term).ToUpperInvariant();
    }
}
