using HakuWinay.Contests.Territories;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Groups;

/// <summary>A member household; <see cref="IsJuntosUser"/> is the declaration, <see cref="IsJuntosVerified"/> the Juntos padrón's answer at the last check.</summary>
public sealed record HouseholdView(int Id, string HeadFullName, string Dni, Sex Sex, int BirthYear, bool IsYouth, bool IsJuntosUser, HouseholdRole Role,
    bool IsJuntosVerified = false, string? RegistryProjectCode = null, DateTime? RegistryCheckedAtUtc = null)
{
    public bool IsJuntosDeclaredOnly => IsJuntosUser && !IsJuntosVerified;
}

/// <summary>A member's DNI that also appears in another group.</summary>
public sealed record SharedDni(string Dni, string HeadFullName, int OtherGroupId, string OtherGroupName);

public sealed record GroupDetails(
    int Id, Guid Version, string Name, LegalForm LegalForm, string? Ruc, int ProductionLineId, string ProductionLine,
    string DistrictCode, string RegionName, string ProvinceName, string DistrictName, string CentroPoblado,
    string? RepresentativeName, string? RepresentativeEmail, bool RepresentativeHasPassword, bool IsAssisted, string? RegisteredByName, DateOnly? ConsentDate,
    DateTime CreatedAtUtc, bool IsVerified, DateTime? VerifiedAtUtc, string? VerifiedByName,
    IReadOnlyList<HouseholdView> Households, IReadOnlyList<SharedDni> SharedDnis, string? RepresentativeMobile = null)
{
    public int Women => Households.Count(h => h.Sex == Sex.Female);
    public int Youth => Households.Count(h => h.IsYouth);
    /// <summary>Juntos households as the padrón verified them; the declared-only ones are counted apart.</summary>
    public int JuntosUsers => Households.Count(h => h.IsJuntosVerified);
    public int JuntosDeclaredOnly => Households.Count(h => h.IsJuntosDeclaredOnly);
}

public sealed record GroupListFilter(bool? Verified = null, string? RegionCode = null, string? ProvinceCode = null, string? DistrictCode = null, int? ProductionLineId = null);

public sealed record GroupListRow(
    int Id, Guid Version, string Name, string ProductionLine, string Region, string Province, string District,
    int Households, bool IsVerified, bool IsAssisted, DateTime CreatedAtUtc, int SharedDnis);

public sealed record Choice(string Code, string Name);

public sealed record DistrictChoice(string Code, string Name, string ProvinceName, string RegionName);

/// <summary>What the group form offers: production lines and the catalog's districts.</summary>
public sealed record GroupFormOptions(IReadOnlyList<Choice> ProductionLines, IReadOnlyList<DistrictChoice> Districts);

/// <summary>One member of a DNI found in two or more groups with active profiles in one contest.</summary>
public sealed record DuplicateMember(int GroupId, string GroupName, string HeadFullName, string? ProfileCode);

public sealed record ContestDuplicateDni(int ContestId, string ContestCode, string ContestTitle, string Dni, IReadOnlyList<DuplicateMember> Members);

/// <summary>Read-side questions about groups; a group's own data only to its representative and staff.</summary>
public sealed class GroupQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The group a user represents, if any (a representative has one group).</summary>
    public async Task<int?> GroupOfRepresentativeAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProducerGroups.Where(g => g.RepresentativeUserId == userId).OrderBy(g => g.Id).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The group for its page or editor: NotFound, or Forbidden unless the user may act for it. Admins also get its shared DNIs.</summary>
    public async Task<ServiceResult<GroupDetails>> GetAsync(ActingUser user, int groupId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.ProducerGroups.AsNoTracking().Include(g => g.Households).SingleOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return ServiceResult<GroupDetails>.Fail(ServiceOutcome.NotFound);
        }
        if (!group.MayBeEditedBy(user))
        {
            return ServiceResult<GroupDetails>.Fail(ServiceOutcome.Forbidden);
        }
        var year = LimaTime.ToLima(clock.GetUtcNow().UtcDateTime).Year;
        var userIds = new[] { group.RepresentativeUserId, group.RegisteredByUserId, group.VerifiedByUserId }.OfType<string>().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var line = await db.ProductionLines.Where(l => l.Id == group.ProductionLineId).Select(l => l.Name).SingleOrDefaultAsync(ct);
        var place = group.Location;
        var region = await db.Regions.Where(r => r.Code == place.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct);
        var province = await db.Provinces.Where(p => p.Code == place.ProvinceCode).Select(p => p.Name).SingleOrDefaultAsync(ct);
        var district = await db.Districts.Where(d => d.Code == place.DistrictCode).Select(d => d.Name).SingleOrDefaultAsync(ct);
        string? Name(string? id) => id is not null && people.TryGetValue(id, out var person) ? person.FullName : null;
        var shared = user.IsAdmin ? await SharedDnisAsync(db, group, ct) : [];
        return ServiceResult<GroupDetails>.Ok(new GroupDetails(
            group.Id, group.Version, group.Name, group.LegalForm, group.Ruc, group.ProductionLineId, line ?? "?",
            place.DistrictCode, region ?? place.RegionCode, province ?? place.ProvinceCode, district ?? place.DistrictCode, place.CentroPoblado,
            Name(group.RepresentativeUserId), group.RepresentativeUserId is { } rep && people.TryGetValue(rep, out var r) ? r.Email : null,
            group.RepresentativeUserId is { } repId && people.TryGetValue(repId, out var account) && account.PasswordHash is not null,
            group.IsAssistedRegistration, Name(group.RegisteredByUserId), group.RepresentativeConsentDate,
            group.CreatedAtUtc, group.IsVerified, group.VerifiedAtUtc, Name(group.VerifiedByUserId),
            group.Households.OrderBy(h => h.Role == HouseholdRole.Member).ThenBy(h => h.Role).ThenBy(h => h.Id)
                .Select(h => new HouseholdView(h.Id, h.HeadFullName, h.Dni, h.Sex, h.BirthYear, h.IsYouthIn(year), h.IsJuntosUser, h.Role,
                    h.IsJuntosVerified, h.RegistryProjectCode, h.RegistryCheckedAtUtc)).ToList(),
            shared,
            // The group's mobile is for the staff who act for it (docs/decisions/037), not for its representative's own view.
            user.IsStaff ? group.RepresentativeMobile : null));
    }

    /// <summary>Production lines and every district of the catalog, with its province and region.</summary>
    public async Task<GroupFormOptions> FormOptionsAsync(StaffScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await db.ProductionLines.OrderBy(l => l.Name).Select(l => new Choice(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Name)).ToListAsync(ct);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var provinces = await db.Provinces.ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        // A scoped member of staff registers groups only in the districts of their scope.
        var within = scope ?? StaffScope.National;
        var districts = (await db.Districts.ToListAsync(ct))
            .Where(d => within.Contains(d.Code[..2], d.Code[..4], d.Code))
            .Select(d => new DistrictChoice(d.Code, d.Name, provinces.GetValueOrDefault(d.Code[..4], d.Code[..4]), regions.GetValueOrDefault(d.Code[..2], d.Code[..2])))
            .OrderBy(d => d.RegionName, StringComparer.Ordinal).ThenBy(d => d.ProvinceName, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        return new GroupFormOptions(lines, districts);
    }

    /// <summary>Every group for the administrator, filtered, with how many of its DNIs are also in other groups.</summary>
    public async Task<IReadOnlyList<GroupListRow>> ListForAdminAsync(GroupListFilter filter, StaffScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ProducerGroups.AsNoTracking().Within(scope ?? StaffScope.National);
        if (filter.Verified is { } verified)
        {
            query = verified ? query.Where(g => g.VerifiedAtUtc != null) : query.Where(g => g.VerifiedAtUtc == null);
        }
        if (filter.RegionCode is { } regionCode)
        {
            query = query.Where(g => g.Location.RegionCode == regionCode);
        }
        if (filter.ProvinceCode is { } provinceCode)
        {
            query = query.Where(g => g.Location.ProvinceCode == provinceCode);
        }
        if (filter.DistrictCode is { } districtCode)
        {
            query = query.Where(g => g.Location.DistrictCode == districtCode);
        }
        if (filter.ProductionLineId is { } lineId)
        {
            query = query.Where(g => g.ProductionLineId == lineId);
        }
        var groups = await query.Include(g => g.Households).OrderBy(g => g.Name).ToListAsync(ct);
        var sharedDnis = await db.Households.GroupBy(h => h.Dni).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        var shared = sharedDnis.ToHashSet(StringComparer.Ordinal);
        var lines = await db.ProductionLines.ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var provinces = await db.Provinces.ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return groups.Select(g => new GroupListRow(
            g.Id, g.Version, g.Name, lines.GetValueOrDefault(g.ProductionLineId, "?"),
            regions.GetValueOrDefault(g.Location.RegionCode, g.Location.RegionCode),
            provinces.GetValueOrDefault(g.Location.ProvinceCode, g.Location.ProvinceCode),
            districts.GetValueOrDefault(g.Location.DistrictCode, g.Location.DistrictCode),
            g.Households.Count, g.IsVerified, g.IsAssistedRegistration, g.CreatedAtUtc, g.Households.Count(h => shared.Contains(h.Dni)))).ToList();
    }

    /// <summary>The regions, provinces and districts where groups are, and the lines they work, for the admin list's filters.</summary>
    public async Task<(IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Provinces, IReadOnlyList<Choice> Districts, IReadOnlyList<Choice> Lines)> FilterOptionsAsync(StaffScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var codes = await db.ProducerGroups.Within(scope ?? StaffScope.National).Select(g => g.Location.DistrictCode).Distinct().ToListAsync(ct);
        var provinceCodes = codes.Select(c => c[..4]).Distinct().ToList();
        var regionCodes = codes.Select(c => c[..2]).Distinct().ToList();
        var lineIds = await db.ProducerGroups.Within(scope ?? StaffScope.National).Select(g => g.ProductionLineId).Distinct().ToListAsync(ct);
        return (
            await db.Regions.Where(r => regionCodes.Contains(r.Code)).OrderBy(r => r.Name).Select(r => new Choice(r.Code, r.Name)).ToListAsync(ct),
            await db.Provinces.Where(p => provinceCodes.Contains(p.Code)).OrderBy(p => p.Name).Select(p => new Choice(p.Code, p.Name)).ToListAsync(ct),
            await db.Districts.Where(d => codes.Contains(d.Code)).OrderBy(d => d.Name).Select(d => new Choice(d.Code, d.Name)).ToListAsync(ct),
            (await db.ProductionLines.Where(l => lineIds.Contains(l.Id)).OrderBy(l => l.Name).ToListAsync(ct))
                .Select(l => new Choice(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Name)).ToList());
    }

    /// <summary>
    /// DNIs that are members of two or more groups which each have an active (not withdrawn)
    /// profile in the same contest, per contest, with the groups involved.
    /// </summary>
    public async Task<IReadOnlyList<ContestDuplicateDni>> DuplicateDnisByContestAsync(StaffScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contestsInScope = db.Contests.Within(scope ?? StaffScope.National).Select(c => c.Id);
        var members = from p in db.BusinessProfiles
                      where p.Status != ProfileStatus.Withdrawn && contestsInScope.Contains(p.ContestId)
                      join h in db.Households on p.ProducerGroupId equals h.ProducerGroupId
                      select new { p.ContestId, h.Dni, p.ProducerGroupId, h.HeadFullName, p.Code };
        // One active profile per group per contest and one DNI per group: each row is a distinct group.
        var keys = await members.GroupBy(m => new { m.ContestId, m.Dni }).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        if (keys.Count == 0)
        {
            return [];
        }
        var dnis = keys.Select(k => k.Dni).Distinct().ToList();
        var rows = await members.Where(m => dnis.Contains(m.Dni)).ToListAsync(ct);
        var groupIds = rows.Select(r => r.ProducerGroupId).Distinct().ToList();
        var groupNames = await db.ProducerGroups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var contestIds = keys.Select(k => k.ContestId).Distinct().ToList();
        var contests = await db.Contests.Where(c => contestIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Code, c.Title }, ct);
        return keys.OrderBy(k => contests[k.ContestId].Code, StringComparer.Ordinal).ThenBy(k => k.Dni, StringComparer.Ordinal)
            .Select(k => new ContestDuplicateDni(k.ContestId, contests[k.ContestId].Code, contests[k.ContestId].Title, k.Dni,
                rows.Where(r => r.ContestId == k.ContestId && r.Dni == k.Dni).OrderBy(r => r.ProducerGroupId)
                    .Select(r => new DuplicateMember(r.ProducerGroupId, groupNames[r.ProducerGroupId], r.HeadFullName, r.Code)).ToList()))
            .ToList();
    }

    private static async Task<IReadOnlyList<SharedDni>> SharedDnisAsync(ContestsDbContext db, ProducerGroup target, CancellationToken ct)
    {
        var dnis = target.Households.Select(h => h.Dni).ToList();
        var others = await (from h in db.Households
                            join g in db.ProducerGroups on h.ProducerGroupId equals g.Id
                            where dnis.Contains(h.Dni) && g.Id != target.Id
                            orderby h.Dni, g.Name
                            select new { h.Dni, GroupId = g.Id, g.Name }).ToListAsync(ct);
        return others.Select(o => new SharedDni(o.Dni, target.Households.First(h => h.Dni == o.Dni).HeadFullName, o.GroupId, o.Name)).ToList();
    }
}
