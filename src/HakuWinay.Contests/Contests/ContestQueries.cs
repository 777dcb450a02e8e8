using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Contests;

public sealed record CategorySummary(string Code, string Name, decimal Budget, decimal MaxAward);

public sealed record ContestSummary(
    int Id, string Code, string Title, ContestStatus Status, string RegionName, string? ProvinceName,
    DateTime CallOpensAtUtc, DateTime SubmissionsCloseAtUtc, IReadOnlyList<CategorySummary> Categories)
{
    public decimal TotalBudget => Categories.Sum(c => c.Budget);
}

/// <summary>Read-side questions about contests, for public pages and dashboards.</summary>
public sealed class ContestQueries(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Contests whose call is announced or open and not yet closed, soonest deadline first.</summary>
    public async Task<IReadOnlyList<ContestSummary>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var contests = await db.Contests
            .AsNoTracking()
            .Include(c => c.Categories)
            .Where(c => (c.Status == ContestStatus.Published || c.Status == ContestStatus.Open)
                        && c.Timeline.SubmissionsCloseAtUtc > now)
            .ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        return contests
            .OrderBy(c => c.Timeline.SubmissionsCloseAtUtc)
            .Select(c => new ContestSummary(
                c.Id, c.Code, c.Title, c.AcceptsSubmissionsAt(now) ? ContestStatus.Open : c.Status,
                regions.GetValueOrDefault(c.RegionCode, c.RegionCode),
                c.ProvinceCode is null ? null : provinces.GetValueOrDefault(c.ProvinceCode, c.ProvinceCode),
                c.Timeline.CallOpensAtUtc, c.Timeline.SubmissionsCloseAtUtc,
                c.Categories.OrderBy(k => k.Order).Select(k => new CategorySummary(k.Code, k.Name, k.Budget, k.MaxAward)).ToList()))
            .ToList();
    }
}
