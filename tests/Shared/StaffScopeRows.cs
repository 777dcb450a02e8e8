using HakuWinay.Contests.Data;
using HakuWinay.Contests.Territories;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Testing;

/// <summary>A staff account's scope changed behind an open page or a running test, as a national administrator does on the accounts page (tested there).</summary>
public static class StaffScopeRows
{
    public static async Task SetAsync(IDbContextFactory<ContestsDbContext> factory, string userId, string area)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.StaffScopeAreas.Where(a => a.UserId == userId).ExecuteDeleteAsync();
        db.StaffScopeAreas.Add(new StaffScopeArea(userId, area));
        await db.SaveChangesAsync();
    }
}
