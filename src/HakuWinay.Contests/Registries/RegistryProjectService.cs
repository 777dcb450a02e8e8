using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Territories;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Registries;

/// <summary>A district an administrator may give a project: its code and the name people read ("Huamanga · Acocro").</summary>
public sealed record ProjectDistrictChoice(string Code, string Name);

/// <summary>A project as its edit form starts: what <see cref="ProjectInput"/> holds, and whether a padrón was imported for it.</summary>
public sealed record ProjectForm(int Id, ProjectInput Input, string RegionCode, bool HasPadron);

/// <summary>
/// Projects written by hand on /admin/registries (docs/decisions/034-hand-made-projects-and-the-demo-padron.md), beside
/// the ones a padrón's first import creates: an administrator creates one (code, name, NEC,
/// districts) or edits one's name, NEC and districts; checked by <see cref="RegistryProjectRules"/>
/// within the administrator's own staff scope, audited, announced to the padrón pages.
/// </summary>
public sealed class RegistryProjectService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IContestEvents? events = null)
{
    /// <summary>The districts the administrator may choose: every district of the catalog inside their scope, by region, province and name.</summary>
    public async Task<IReadOnlyList<ProjectDistrictChoice>> DistrictChoicesAsync(ActingUser admin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await StaffScopes.OfAsync(db, admin.UserId, ct);
        var rows = await (from d in db.Districts.AsNoTracking()
                          join p in db.Provinces on d.Code.Substring(0, 4) equals p.Code
                          join r in db.Regions on d.Code.Substring(0, 2) equals r.Code
                          select new { d.Code, District = d.Name, Province = p.Name, Region = r.Name }).ToListAsync(ct);
        return [.. rows.Where(d => scope.Contains(d.Code[..2], d.Code[..4], d.Code))
            .OrderBy(d => d.Region, StringComparer.Ordinal).ThenBy(d => d.Province, StringComparer.Ordinal).ThenBy(d => d.District, StringComparer.Ordinal)
            .Select(d => new ProjectDistrictChoice(d.Code, $"{d.Region} · {d.Province} · {d.District}"))];
    }

    /// <summary>A project to edit; null when there is none or it lies outside the administrator's scope.</summary>
    public async Task<ProjectForm?> FindAsync(ActingUser admin, int projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.RegistryProjects.AsNoTracking().Include(p => p.Districts).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (!admin.IsAdmin || project is null || !(await StaffScopes.OfAsync(db, admin.UserId, ct)).Contains(project.RegionCode))
        {
            return null;
        }
        var hasPadron = await db.RegistryImports.AnyAsync(i => i.RegistryProjectId == projectId, ct);
        return new ProjectForm(project.Id, new ProjectInput(project.Code, project.Name, project.NecName,
            [.. project.Districts.Select(d => d.DistrictCode).Order(StringComparer.Ordinal)]), project.RegionCode, hasPadron);
    }

    public async Task<ServiceResult<int>> CreateAsync(ActingUser admin, ProjectInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(input);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = RegistryProject.IsValidCode(input.Code) ? RegistryProject.Normalize(input.Code) : "";
        var context = new ProjectContext(await KnownDistrictsAsync(db, input, ct),
            code.Length > 0 && await db.RegistryProjects.AnyAsync(p => p.Code == code, ct), await StaffScopes.OfAsync(db, admin.UserId, ct));
        var violations = RegistryProjectRules.Check(input, context, isNew: true);
        if (violations.Count > 0)
        {
            return ServiceResult<int>.Invalid(violations);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var districts = input.DistrictCodes.Distinct(StringComparer.Ordinal).ToList();
        var project = new RegistryProject(code, input.Name, districts[0][..2], now);
        project.Describe(input.Name, input.NecName);
        project.Cover(districts);
        db.RegistryProjects.Add(project);
        db.AuditLog.Add(AuditEntry.Record(now, admin.UserId, "registry.project-created", nameof(RegistryProject), project.Code,
            after: Snapshot(project)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator, or a padrón's first import, created the code meanwhile.
            return ServiceResult<int>.Invalid("Code", "ProjectRules.CodeTaken", code);
        }
        Announce();
        return ServiceResult<int>.Ok(project.Id);
    }

    /// <summary>Renames a project, names its NEC, changes its districts; its code (which padrón files and households name) stays.</summary>
    public async Task<ServiceResult<int>> UpdateAsync(ActingUser admin, int projectId, ProjectInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(input);
        if (!admin.IsAdmin)
        {
            return ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await StaffScopes.OfAsync(db, admin.UserId, ct);
        var project = await db.RegistryProjects.Include(p => p.Districts).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || !scope.Contains(project.RegionCode))
        {
            return ServiceResult<int>.Fail(ServiceOutcome.NotFound);
        }
        var padronDistricts = await (from h in db.RegistryHouseholds
                                     join i in db.RegistryImports on h.RegistryImportId equals i.Id
                                     where i.RegistryProjectId == projectId && i.IsCurrent
                                     select h.DistrictCode).Distinct().ToListAsync(ct);
        var context = new ProjectContext(await KnownDistrictsAsync(db, input, ct), CodeTaken: false, scope, project.RegionCode,
            padronDistricts.ToHashSet(StringComparer.Ordinal));
        var violations = RegistryProjectRules.Check(input, context, isNew: false);
        if (violations.Count > 0)
        {
            return ServiceResult<int>.Invalid(violations);
        }
        var before = Snapshot(project);
        project.Describe(input.Name, input.NecName);
        project.CoverOnly([.. input.DistrictCodes.Distinct(StringComparer.Ordinal)]);
        db.AuditLog.Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, admin.UserId, "registry.project-edited", nameof(RegistryProject), project.Code,
            before: before, after: Snapshot(project)));
        await db.SaveChangesAsync(ct);
        Announce();
        return ServiceResult<int>.Ok(project.Id);
    }

    /// <summary>Only the asked districts are looked up: the catalog has some 1,900.</summary>
    private static async Task<IReadOnlySet<string>> KnownDistrictsAsync(ContestsDbContext db, ProjectInput input, CancellationToken ct)
    {
        var asked = input.DistrictCodes.Where(UbigeoCode.IsDistrict).Distinct(StringComparer.Ordinal).Take(RegistryProjectRules.MaxDistricts + 1).ToList();
        return (await db.Districts.AsNoTracking().Where(d => asked.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    private static object Snapshot(RegistryProject project) => new
    {
        project.Code, project.Name, project.NecName, project.RegionCode,
        Districts = project.Districts.Select(d => d.DistrictCode).Order(StringComparer.Ordinal).ToList(),
    };

    private void Announce() => events?.Publish(ContestEvent.RegistryImport());
}
