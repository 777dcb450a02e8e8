using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Territories;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Registries;

public sealed record RegistryProjectRow(int Id, string Code, string Name, string RegionCode, int Districts, RegistryVersionRow? Current, string? NecName = null, string? RegionName = null);

public sealed record RegistryVersionRow(
    int ImportId, string Padron, int Version, string FileName, string FileSha256, int Rows, int People, string ImportedBy, DateTime ImportedAtUtc,
    RegistryImportStatus Status, int ProcessedRows, bool IsCurrent);

/// <summary>The padrón checks of one submitted profile's group, for the eligibility review.</summary>
public sealed record ProfileRegistryChecks(bool RequiresProjectMembership, IReadOnlyList<MemberCheck> Members)
{
    public IReadOnlyList<MemberCheck> Mismatches => [.. Members.Where(m => m.IsMismatch)];

    public bool NeverChecked => Members.Any(m => m.Project == ProjectStanding.NotChecked);
}

/// <summary>
/// What the padrón pages show: the projects with their current version, every version of each
/// padrón, the progress of one import. Administrators only (the pages check it); the lists follow
/// the administrator's scope (ADR 033).
/// </summary>
public sealed class RegistryQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    /// <summary>The projects, with their current version; a scoped administrator's only those wholly in their scope (ADR 033).</summary>
    public async Task<IReadOnlyList<RegistryProjectRow>> ProjectsAsync(StaffScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = await ProjectsWithinAsync(db, scope ?? StaffScope.National, ct);
        var current = (await VersionsQuery(db, i => i.IsCurrent && i.Kind == RegistryKind.ProjectHouseholds).ToListAsync(ct))
            .ToDictionary(v => v.ProjectId!.Value);
        // The region by its name, as people say it (the code alone, "05", tells an administrator nothing).
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. projects.Select(p => new RegistryProjectRow(p.Id, p.Code, p.Name, p.RegionCode, p.Districts.Count,
            current.TryGetValue(p.Id, out var v) ? v.Row : null, p.NecName, regions.GetValueOrDefault(p.RegionCode)))];
    }

    /// <summary>
    /// Every version of every padrón, newest first, up to <paramref name="take"/>. A scoped
    /// administrator sees the versions of their projects, and every version of the Juntos padrón:
    /// it is national, its counts hide no territory's households.
    /// </summary>
    public async Task<IReadOnlyList<RegistryVersionRow>> VersionsAsync(RegistryKind kind, StaffScope? scope = null, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (kind == RegistryKind.Juntos || scope is null || scope.IsNational)
        {
            return [.. (await VersionsQuery(db, i => i.Kind == kind, take).ToListAsync(ct)).Select(r => r.Row)];
        }
        var ids = (await ProjectsWithinAsync(db, scope, ct)).Select(p => (int?)p.Id).ToList();
        var rows = await VersionsQuery(db, i => i.Kind == kind && ids.Contains(i.RegistryProjectId), take).ToListAsync(ct);
        return [.. rows.Select(r => r.Row)];
    }

    /// <summary>
    /// The projects the scope reaches, by the same rule as the gate. Read whole and filtered here:
    /// "every district inside" is no plain IN list, and a country has hundreds of projects, not millions.
    /// </summary>
    private static async Task<List<RegistryProject>> ProjectsWithinAsync(ContestsDbContext db, StaffScope scope, CancellationToken ct)
    {
        var projects = await db.RegistryProjects.AsNoTracking().Include(p => p.Districts).OrderBy(p => p.Code).ToListAsync(ct);
        return scope.IsNational ? projects
            : [.. projects.Where(p => TerritoryRule.ReachesProject(scope, p.RegionCode, [.. p.Districts.Select(d => d.DistrictCode)]))];
    }

    public async Task<RegistryVersionRow?> ImportAsync(int importId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await VersionsQuery(db, i => i.Id == importId).SingleOrDefaultAsync(ct))?.Row;
    }

    /// <summary>The stored checks of a profile's member households and whether its contest requires project membership; null when no such profile.</summary>
    public async Task<ProfileRegistryChecks?> ChecksOfProfileAsync(int profileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await (from p in db.BusinessProfiles
                           join c in db.Contests on p.ContestId equals c.Id
                           where p.Id == profileId
                           select new { p.ProducerGroupId, c.RequiresProjectMembership }).SingleOrDefaultAsync(ct);
        if (facts is null)
        {
            return null;
        }
        var households = await db.Households.AsNoTracking().Where(h => h.ProducerGroupId == facts.ProducerGroupId).OrderBy(h => h.Id).ToListAsync(ct);
        return new ProfileRegistryChecks(facts.RequiresProjectMembership, [.. households.Select(MemberCheck.Of)]);
    }

    /// <summary>
    /// Per profile code of the contest, its group's households declared Juntos users that the
    /// Juntos padrón did not verify: the dashboards show them apart (they count for nothing).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> DeclaredOnlyJuntosAsync(int contestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await (from p in db.BusinessProfiles
                            join h in db.Households on p.ProducerGroupId equals h.ProducerGroupId
                            where p.ContestId == contestId && p.Code != null && h.IsJuntosUser && !h.IsJuntosVerified
                            group h by p.Code into g
                            select new { Code = g.Key!, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Code, c => c.Count, StringComparer.Ordinal);
    }

    private sealed record VersionFacts(RegistryKind Kind, int? ProjectId, bool IsCurrent, RegistryVersionRow Row);

    /// <summary>The versions that pass <paramref name="filter"/>, newest first; filtered before the projection, which EF cannot filter on.</summary>
    private static IQueryable<VersionFacts> VersionsQuery(ContestsDbContext db, System.Linq.Expressions.Expression<Func<RegistryImport, bool>> filter, int take = int.MaxValue) =>
        from i in db.RegistryImports.AsNoTracking().Where(filter).OrderByDescending(i => i.Id).Take(take)
        join p in db.RegistryProjects on i.RegistryProjectId equals p.Id into projects
        from p in projects.DefaultIfEmpty()
        join u in db.Users on i.ImportedByUserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        orderby i.Id descending
        select new VersionFacts(i.Kind, i.RegistryProjectId, i.IsCurrent, new RegistryVersionRow(
            i.Id, p == null ? "Juntos" : p.Code, i.Version, i.FileName, i.FileSha256, i.Rows, i.People, u == null ? "" : u.Email ?? "",
            i.ImportedAtUtc, i.Status, i.ProcessedRows, i.IsCurrent));
}

/// <summary>An administrator checks a profile's group again against the padrones as they are now (a new version arrived after the submission).</summary>
public sealed class RegistryCheckService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<bool> RecheckProfileAsync(Common.ActingUser admin, int profileId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.IsAdmin)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groupId = await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => (int?)p.ProducerGroupId).SingleOrDefaultAsync(ct);
        if (!await Territories.StaffReach.ReachesAsync(db, admin, Territories.TerritoryResource.Profile, profileId, ct))
        {
            return false;
        }
        var group = groupId is null ? null : await db.ProducerGroups.Include(g => g.Households).SingleAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var before = group.Households.Select(MemberCheck.Of).ToList();
        await RegistryChecks.ApplyAsync(db, group, now, ct);
        db.AuditLog.Add(Audit.AuditEntry.Record(now, admin.UserId, "group.registry-checked", nameof(ProducerGroup), group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            profileId: profileId, before: before, after: group.Households.Select(MemberCheck.Of).ToList()));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
