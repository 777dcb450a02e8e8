using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Audit;

/// <summary>One line of the audit log as an administrator reads it: who by email and name, not by id.</summary>
public sealed record AuditRow(long Id, DateTime OccurredAtUtc, string? UserEmail, string? UserName, string Action, string EntityId, string? BeforeJson, string? AfterJson);

/// <summary>A page of the audit log and how many entries there are in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>The audit log of a contest (its own changes and its profiles') or of one profile, newest first, a page at a time.</summary>
public sealed class AuditQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    public Task<string?> ContestTitleAsync(int contestId, CancellationToken ct = default) =>
        WithDbAsync(db => db.Contests.Where(c => c.Id == contestId).Select(c => c.Code + " · " + c.Title).SingleOrDefaultAsync(ct));

    public Task<string?> ProfileTitleAsync(int profileId, CancellationToken ct = default) =>
        WithDbAsync(db => db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => (p.Code ?? "#" + p.Id) + " · " + p.Title).SingleOrDefaultAsync(ct));

    public Task<AuditPage> ForContestAsync(int contestId, int skip, int take, CancellationToken ct = default) =>
        PageAsync(a => a.ContestId == contestId, skip, take, ct);

    public Task<AuditPage> ForProfileAsync(int profileId, int skip, int take, CancellationToken ct = default) =>
        PageAsync(a => a.ProfileId == profileId, skip, take, ct);

    private async Task<AuditPage> PageAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> filter, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditLog.AsNoTracking().Where(filter);
        var total = await entries.CountAsync(ct);
        var rows = await (from a in entries
                          join u in db.Users on a.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          orderby a.OccurredAtUtc descending, a.Id descending
                          select new AuditRow(a.Id, a.OccurredAtUtc, u != null ? u.Email : null, u != null ? u.FullName : null,
                              a.Action, a.EntityId, a.BeforeJson, a.AfterJson))
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(ct);
        return new AuditPage(rows, total);
    }

    private async Task<T> WithDbAsync<T>(Func<ContestsDbContext, Task<T>> query)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await query(db);
    }
}
