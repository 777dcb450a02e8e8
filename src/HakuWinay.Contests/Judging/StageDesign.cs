using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// What a stage's scorecards are scored against: its criteria in order (with rubrics), the
/// contest's step (whole or half points), and the same criteria as <see cref="ScoreRules"/> sees
/// them. Shared by every way points arrive: the juror's tablet, a paper sheet, a CSV import.
/// </summary>
public sealed record StageDesign(
    int ContestId, int StageId, string StageCode, string StageName, DateTime? ScoringDeadlineUtc,
    ScoreGranularity Granularity, IReadOnlyList<ContestCriterion> Criteria, bool RecordsAttendance = false, decimal MinimumAttendancePercent = 0m)
{
    public IReadOnlyList<ScoringCriterion> Rules { get; } =
        Criteria.Select(c => new ScoringCriterion(c.Code, c.Name, c.MaxPoints, c.Weight)).ToList();

    /// <summary>Whether scoring has closed: the deadline is set and has passed.</summary>
    public bool IsClosed(DateTime nowUtc) => ScoringDeadlineUtc is { } deadline && nowUtc > deadline;

    /// <summary>
    /// Checked entries (see <see cref="ScoreRules"/>) keyed by criterion id, as
    /// <see cref="Scorecard.Record"/> takes them; a criterion with no entry is recorded empty.
    /// </summary>
    public IReadOnlyDictionary<int, (decimal? Points, string? Comment)> ToRecord(IEnumerable<CriterionPoints> entries)
    {
        var byCode = entries.ToDictionary(e => e.CriterionCode, StringComparer.OrdinalIgnoreCase);
        return Criteria.ToDictionary(c => c.Id, c => byCode.TryGetValue(c.Code, out var e) ? (e.Points, e.Comment) : ((decimal?)null, (string?)null));
    }

    /// <summary>
    /// A scorecard's points as entries by criterion code, in the stage's order. Points come without
    /// the trailing zeros a database may add (25.0 reads 25), as the juror typed them.
    /// </summary>
    public IReadOnlyList<CriterionPoints> EntriesOf(Scorecard scorecard)
    {
        var byId = scorecard.Points.ToDictionary(p => p.ContestCriterionId);
        return Criteria.Select(c => byId.TryGetValue(c.Id, out var p)
            ? new CriterionPoints(c.Code, p.Points is { } points ? WithoutTrailingZeros(points) : null, p.Comment)
            : new CriterionPoints(c.Code, null)).ToList();
    }

    /// <summary>The same value at its smallest scale: 25.0 → 25, 7.50 → 7.5.</summary>
    internal static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;

    public static async Task<StageDesign?> LoadAsync(ContestsDbContext db, int stageId, CancellationToken ct)
    {
        var stage = await db.Set<ContestStage>().AsNoTracking().Include(s => s.Criteria).SingleOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null)
        {
            return null;
        }
        var evaluation = await db.Contests.Where(c => c.Id == stage.ContestId)
            .Select(c => new { c.Evaluation.Granularity, c.Evaluation.MinimumAttendancePercent }).SingleAsync(ct);
        return new StageDesign(stage.ContestId, stage.Id, stage.Code, stage.Name, stage.ScoringDeadlineUtc, evaluation.Granularity,
            stage.Criteria.OrderBy(c => c.Order).ToList(),
            FieldAttendanceRules.RecordsAttendance(stage.Order, evaluation.MinimumAttendancePercent), evaluation.MinimumAttendancePercent);
    }
}
