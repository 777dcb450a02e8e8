using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>
/// After publication, scores and eligibility are frozen (docs/decisions/012-results-publication.md):
/// every service that could change a result asks here first and refuses with <see cref="Rule"/>
/// unless a correction is open.
/// </summary>
public static class ResultsFreeze
{
    /// <summary>The message key of the refusal: "results are published; open a correction to change them".</summary>
    public const string Rule = "Results.Frozen";

    public static async Task<bool> IsFrozenAsync(ContestsDbContext db, int contestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contest = await db.Contests.AsNoTracking().Where(c => c.Id == contestId)
            .Select(c => new { c.Status, c.CorrectionOpenedAtUtc }).SingleOrDefaultAsync(ct);
        return contest is not null
            && contest.Status is ContestStatus.ResultsPublished or ContestStatus.Execution or ContestStatus.Archived
            && contest.CorrectionOpenedAtUtc is null;
    }
}
