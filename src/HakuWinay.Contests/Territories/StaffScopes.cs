using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Territories;

/// <summary>Reads staff accounts' scopes: the one place a page, a service or the gate asks where someone works.</summary>
public sealed class StaffScopes(IDbContextFactory<ContestsDbContext> dbFactory)
{
    public async Task<StaffScope> OfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OfAsync(db, userId, ct);
    }

    public static async Task<StaffScope> OfAsync(ContestsDbContext db, string userId, CancellationToken ct = default)
    {
        var codes = await db.StaffScopeAreas.Where(a => a.UserId == userId).Select(a => a.Code).ToListAsync(ct);
        return codes.Count == 0 ? StaffScope.National : StaffScope.Of(codes);
    }

    /// <summary>The scopes of several accounts, for the accounts page.</summary>
    public async Task<IReadOnlyDictionary<string, StaffScope>> OfManyAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.StaffScopeAreas.Where(a => userIds.Contains(a.UserId)).Select(a => new { a.UserId, a.Code }).ToListAsync(ct);
        var byUser = rows.ToLookup(r => r.UserId, r => r.Code);
        return userIds.Distinct().ToDictionary(id => id, id => byUser[id].Any() ? StaffScope.Of(byUser[id]) : StaffScope.National);
    }

    /// <summary>The areas one level below <paramref name="parent"/>: the regions, a region's provinces, a province's districts.</summary>
    public async Task<IReadOnlyList<Contests.Choice>> AreaChoicesAsync(string? parent, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return parent switch
        {
            null or "" => await db.Regions.OrderBy(r => r.Name).Select(r => new Contests.Choice(r.Code, r.Name)).ToListAsync(ct),
            { Length: 2 } region => await db.Provinces.Where(p => p.Code.StartsWith(region)).OrderBy(p => p.Name)
                .Select(p => new Contests.Choice(p.Code, p.Name)).ToListAsync(ct),
            { Length: 4 } province => await db.Districts.Where(d => d.Code.StartsWith(province)).OrderBy(d => d.Name)
                .Select(d => new Contests.Choice(d.Code, d.Name)).ToListAsync(ct),
            _ => [],
        };
    }

    /// <summary>The names people read for area codes ("Apurímac", "Huamanga · Acocro"); an unknown code stands for itself.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parents = wanted.SelectMany(c => new[] { c[..2], c.Length >= 4 ? c[..4] : c[..2] }).Concat(wanted).Distinct().ToList();
        var names = (await db.Regions.Where(r => parents.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Concat(await db.Provinces.Where(p => parents.Contains(p.Code)).Select(p => new { p.Code, p.Name }).ToListAsync(ct))
            .Concat(await db.Districts.Where(d => parents.Contains(d.Code)).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
        string Name(string code) => names.GetValueOrDefault(code, code);
        return wanted.ToDictionary(c => c, c => c.Length switch
        {
            2 => Name(c),
            4 => $"{Name(c[..2])} · {Name(c)}",
            _ => $"{Name(c[..2])} · {Name(c[..4])} · {Name(c)}",
        }, StringComparer.Ordinal);
    }
}
