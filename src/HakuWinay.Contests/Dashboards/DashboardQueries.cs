using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Dashboards;

public sealed record AdminOverview(
    IReadOnlyDictionary<ContestStatus, int> ContestsByStatus,
    int Groups, int UnverifiedGroups, int Households,
    IReadOnlyDictionary<string, int> UsersByRole,
    int OutboxPending, int OutboxFailed, int OutboxSent);

public sealed record PersonCard(string FullName, string Email, string? Institution, string? DistrictName);

public sealed record HouseholdRow(string HeadFullName, string MaskedDni, Sex Sex, bool IsYouth, bool IsJuntosUser, HouseholdRole Role, bool IsJuntosVerified = false)
{
    public bool IsJuntosDeclaredOnly => IsJuntosUser && !IsJuntosVerified;
}

public sealed record GroupCard(
    int Id, string Name, LegalForm LegalForm, string ProductionLine, string DistrictName, string CentroPoblado,
    bool IsVerified, IReadOnlyList<HouseholdRow> Households)
{
    public int Women => Households.Count(h => h.Sex == Sex.Female);
    public int Youth => Households.Count(h => h.IsYouth);
    /// <summary>Juntos households as the padrón verified them; the declared-only ones are counted apart.</summary>
    public int JuntosUsers => Households.Count(h => h.IsJuntosVerified);
    public int JuntosDeclaredOnly => Households.Count(h => h.IsJuntosDeclaredOnly);
}

/// <summary>What each role's dashboard shows, computed from the database on each visit.</summary>
public sealed class DashboardQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The administrator's overview: contests and groups of <paramref name="scope"/> (all for national staff).</summary>
    public async Task<AdminOverview> AdminAsync(StaffScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var within = scope ?? StaffScope.National;
        var groupsInScope = db.ProducerGroups.Within(within);
        var byStatus = await db.Contests.Within(within).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var roleCounts = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                group ur by r.Name into g
                                select new { Role = g.Key!, Count = g.Count() }).ToListAsync(ct);
        var outbox = await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Outbox(OutboxStatus status) => outbox.FirstOrDefault(o => o.Key == status)?.Count ?? 0;
        return new AdminOverview(
            byStatus.ToDictionary(x => x.Key, x => x.Count),
            await groupsInScope.CountAsync(ct),
            await groupsInScope.CountAsync(g => g.VerifiedAtUtc == null, ct),
            await db.Households.CountAsync(h => groupsInScope.Any(g => g.Id == h.ProducerGroupId), ct),
            Roles.All.ToDictionary(r => r, r => roleCounts.FirstOrDefault(x => x.Role == r)?.Count ?? 0),
            Outbox(OutboxStatus.Pending), Outbox(OutboxStatus.Failed), Outbox(OutboxStatus.Sent));
    }

    public async Task<PersonCard?> PersonAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }
        var district = user.DistrictCode is null ? null
            : await db.Districts.Where(d => d.Code == user.DistrictCode).Select(d => d.Name).SingleOrDefaultAsync(ct);
        return new PersonCard(user.FullName, user.Email ?? "", user.Institution, district);
    }

    /// <summary>The groups this user represents (a producer sees only these).</summary>
    public Task<IReadOnlyList<GroupCard>> GroupsRepresentedByAsync(string userId, CancellationToken ct = default) =>
        GroupsAsync(g => g.RepresentativeUserId == userId, ct);

    /// <summary>The groups of a technician's territory: the province of their district, or all when they have none.</summary>
    public async Task<IReadOnlyList<GroupCard>> GroupsForTechnicianAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A technician with a territorial scope sees the groups of the scope; a national one, those of their home province.
        var scope = await StaffScopes.OfAsync(db, userId, ct);
        if (!scope.IsNational)
        {
            var regions = scope.RegionCodes;
            var provinces = scope.ProvinceCodes;
            var districts = scope.DistrictCodes;
            return await GroupsAsync(g => regions.Contains(g.Location.RegionCode) || provinces.Contains(g.Location.ProvinceCode)
                || districts.Contains(g.Location.DistrictCode), ct);
        }
        var district = await db.Users.Where(u => u.Id == userId).Select(u => u.DistrictCode).SingleOrDefaultAsync(ct);
        if (district is null || district.Length < 4)
        {
            return await GroupsAsync(_ => true, ct);
        }
        var province = district[..4];
        return await GroupsAsync(g => g.Location.ProvinceCode == province, ct);
    }

    private async Task<IReadOnlyList<GroupCard>> GroupsAsync(System.Linq.Expressions.Expression<Func<ProducerGroup, bool>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var year = clock.GetUtcNow().Year;
        var groups = await db.ProducerGroups.AsNoTracking().Include(g => g.Households).Where(filter).OrderBy(g => g.Name).ToListAsync(ct);
        var lines = await db.ProductionLines.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var districtCodes = groups.Select(g => g.Location.DistrictCode).Distinct().ToList();
        var districts = await db.Districts.AsNoTracking().Where(d => districtCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return groups.Select(g => new GroupCard(
            g.Id, g.Name, g.LegalForm, lines.GetValueOrDefault(g.ProductionLineId, "?"),
            districts.GetValueOrDefault(g.Location.DistrictCode, g.Location.DistrictCode), g.Location.CentroPoblado, g.IsVerified,
            g.Households.OrderByDescending(h => h.Role == HouseholdRole.President).ThenByDescending(h => h.Role == HouseholdRole.Treasurer)
                .ThenBy(h => h.HeadFullName, StringComparer.Ordinal)
                .Select(h => new HouseholdRow(h.HeadFullName, MaskDni(h.Dni), h.Sex, h.IsYouthIn(year), h.IsJuntosUser, h.Role, h.IsJuntosVerified))
                .ToList()))
            .ToList();
    }

    /// <summary>Shows only the last three digits of a DNI on screens that do not need the whole number.</summary>
    public static string MaskDni(string dni) => dni.Length == 8 ? "*****" + dni[5..] : "********";
}
