using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// A profile's stage score from its jurors' stage totals (issue 5, rule 2): the contest's
/// <see cref="ScoreAggregation"/> over the submitted, non-excluded scorecards. Pure and exact (issue 17):
/// the totals are fractions, averaged without rounding, and rounded once by <see cref="Round(ExactFraction)"/>
/// where a score is shown; the evaluation score sums the exact stage scores.
/// </summary>
public static class StageScore
{
    /// <summary>With this many totals or more a trimmed mean drops the highest and the lowest; with fewer it is the mean.</summary>
    public const int TrimmedMeanMinimum = 4;

    /// <summary>The aggregated score of the totals, or null when there is none (exact, then the nearest decimal: for showing).</summary>
    public static decimal? Aggregate(ScoreAggregation aggregation, IEnumerable<decimal> jurorTotals)
    {
        ArgumentNullException.ThrowIfNull(jurorTotals);
        return AggregateExact(aggregation, jurorTotals.Select(ExactFraction.From))?.ToDecimal();
    }

    /// <summary>The aggregated score of the exact totals, or null when there is none; nothing is rounded.</summary>
    public static ExactFraction? AggregateExact(ScoreAggregation aggregation, IEnumerable<ExactFraction> jurorTotals)
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

    /// <summary>The single rounding of an exact score: two decimals, half away from zero (70.005 exactly → 70.01).</summary>
    public static decimal Round(ExactFraction score) => score.Round(2);

    /// <summary>Two decimals, half away from zero (69.995 → 70.00), as scores are shown and published.</summary>
    public static decimal Round(decimal score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);

    private static ExactFraction Mean(List<ExactFraction> sorted)
    {
        var sum = ExactFraction.Zero;
        foreach (var total in sorted)
        {
            sum += total;
        }
        return sum / sorted.Count;
    }

    /// <summary>The middle value; for an even count the mean of the two middle values.</summary>
    private static ExactFraction Median(List<ExactFraction> sorted)
    {
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
