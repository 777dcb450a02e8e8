namespace HakuWinay.Contests.Judging;

/// <summary>
/// How far apart the jurors' stage totals for one profile are: the range (highest minus lowest)
/// and the population standard deviation. Population, not sample: the jurors who scored a profile
/// are all the scores there are, not a draw from a larger set, and with three jurors the sample
/// formula would inflate the figure by a fifth. The flag for discussion uses the range, which a
/// jury can check by eye on the sheets.
/// </summary>
public sealed record JurorSpread(decimal Range, decimal StandardDeviation)
{
    /// <summary>The spread of the totals, or null when there is none to measure (no submitted scorecard).</summary>
    public static JurorSpread? Of(IReadOnlyCollection<decimal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (totals.Count == 0)
        {
            return null;
        }
        var mean = totals.Sum() / totals.Count;
        var variance = totals.Sum(t => (t - mean) * (t - mean)) / totals.Count;
        return new JurorSpread(totals.Max() - totals.Min(), (decimal)Math.Sqrt((double)variance));
    }

    /// <summary>Whether the range passes the stage's threshold (strictly): the profile is flagged "para discusión".</summary>
    public bool Exceeds(decimal threshold) => Range > threshold;
}
