using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Contests;

/// <summary>A code and the name people read, for a select list.</summary>
public sealed record Choice(string Value, string Name);

/// <summary>What the setup forms offer to choose from.</summary>
public sealed record ContestSetupOptions(
    IReadOnlyList<Choice> Templates, IReadOnlyList<Choice> Contests, IReadOnlyList<Choice> Regions, IReadOnlyList<(int Id, string Name)> ProductionLines);

public sealed partial class ContestAdminService
{
    /// <summary>The choices of the setup forms; a scoped administrator copies and locates contests only within their scope.</summary>
    public async Task<ContestSetupOptions> OptionsAsync(Territories.StaffScope? scope = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var within = scope ?? Territories.StaffScope.National;
        var touched = within.TouchedRegionCodes;
        var templates = await db.EvaluationTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Code, t.Name)).ToListAsync(ct);
        var contests = await Territories.TerritoryFilters.Within(db.Contests.AsNoTracking(), within).OrderByDescending(c => c.CreatedAtUtc)
            .Select(c => new { c.Id, c.Code, c.Title }).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().Where(r => within.IsNational || touched.Contains(r.Code)).OrderBy(r => r.Name).Select(r => new Choice(r.Code, r.Name)).ToListAsync(ct);
        var lines = await db.ProductionLines.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        return new ContestSetupOptions(templates,
            contests.Select(c => new Choice(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{c.Code} · {c.Title}")).ToList(),
            regions, lines.Select(l => (l.Id, l.Name)).ToList());
    }

    public async Task<IReadOnlyList<Choice>> ProvincesAsync(string regionCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefix = regionCode ?? "";
        if (prefix.Length != 2)
        {
            return [];
        }
        return await db.Provinces.AsNoTracking().Where(p => p.Code.StartsWith(prefix)).OrderBy(p => p.Name)
            .Select(p => new Choice(p.Code, p.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Choice>> DistrictsAsync(string provinceCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefix = provinceCode ?? "";
        if (prefix.Length != 4)
        {
            return [];
        }
        return await db.Districts.AsNoTracking().Where(d => d.Code.StartsWith(prefix)).OrderBy(d => d.Name)
            .Select(d => new Choice(d.Code, d.Name)).ToListAsync(ct);
    }
}
