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
}
