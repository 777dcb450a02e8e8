using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// A profile's stage score from its jurors' stage totals (issue 5, rule 2): the contest's
/// <see cref="ScoreAggregation"/> over the submitted, non-excluded scorecards. Pure; full
/// precision, rounded only by <see cref="Round"/> where a score is shown or summed into the
/// evaluation score.
/// </summary>
public static class StageScore
{
    /// <summary>With this many totals or more a trimmed mean drops the highest and the lowest; with fewer it is the mean.</summary>
    public const int TrimmedMeanMinimum = 4;

    /// <summary>The aggregated score of the totals, or null when there is none.</summary>
    public static decimal? Aggregate(ScoreAggregation aggregation, IEnumerable<decimal> jurorTotals)
    {
        ArgumentNullException.ThrowIfNull(jurorTotals);
        var totals = jurorTotals.Order().ToList();
        if (totals.Count == 0)
        {
            return null;
        }
        return aggregation switch
        {
            ScoreAggregation.Mean => Mean(totals),
            ScoreAggregation.Median => Median(totals),
            ScoreAggregation.TrimmedMean => totals.Count >= TrimmedMeanMinimum ? Mean(totals[1..^1]) : Mean(totals),
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown score aggregation."),
        };
    }

    /// <summary>Two decimals, half away from zero (69.995 → 70.00), as scores are shown and published.</summary>
    public static decimal Round(decimal score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);

    private static decimal Mean(List<decimal> sorted) => sorted.Sum() / sorted.Count;

    /// <summary>The middle value; for an even count the mean of the two middle values.</summary>
    private static decimal Median(List<decimal> sorted)
    {
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
