using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Contests;

/// <summary>A code and the name people read, for a select list.</summary>
public sealed record Choice(string Value, string Name);

/// <summary>What the setup forms offer to choose from.</summary>
public sealed record ContestSetupOptions(
    IReadOnlyList<Choice> Templates, IReadOnlyList<Choice> Contests, IReadOnlyList<Choice> Regions, IReadOnlyList<(int Id, string Name)> ProductionLines);

public sealed partial class ContestAdminService
{
    public async Task<ContestSetupOptions> OptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.EvaluationTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Code, t.Name)).ToListAsync(ct);
        var contests = await db.Contests.AsNoTracking().OrderByDescending(c => c.CreatedAtUtc)
            .Select(c => new { c.Id, c.Code, c.Title }).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new Choice(r.Code, r.Name)).ToListAsync(ct);
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
