using CsCheck;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class StageScoreTests
{
    [Theory]
    [InlineData(ScoreAggregation.Mean, new[] { 70.0, 80.0, 90.0 }, 80.0)]
    [InlineData(ScoreAggregation.Median, new[] { 90.0, 70.0, 71.0 }, 71.0)]
    [InlineData(ScoreAggregation.Median, new[] { 60.0, 90.0, 70.0, 80.0 }, 75.0)]
    // Three scorecards: too few to trim, the mean.
    [InlineData(ScoreAggregation.TrimmedMean, new[] { 10.0, 80.0, 90.0 }, 60.0)]
    // Four: 10 and 100 dropped, mean of 80 and 90.
    [InlineData(ScoreAggregation.TrimmedMean, new[] { 100.0, 10.0, 80.0, 90.0 }, 85.0)]
    [InlineData(ScoreAggregation.TrimmedMean, new[] { 50.0, 50.0, 50.0, 50.0, 100.0 }, 50.0)]
    public void Hand_computed_examples(ScoreAggregation aggregation, double[] totals, double expected)
    {
        Assert.Equal((decimal)expected, StageScore.Aggregate(aggregation, totals.Select(t => (decimal)t)));
    }

    [Fact]
    public void No_totals_give_no_score()
    {
        Assert.Null(StageScore.Aggregate(ScoreAggregation.Median, []));
    }

    [Theory]
    [InlineData(69.995, 70.00)]
    [InlineData(69.994, 69.99)]
    [InlineData(83.335, 83.34)]
    public void Scores_round_to_two_decimals_half_away_from_zero(double score, double shown)
    {
        Assert.Equal((decimal)shown, StageScore.Round((decimal)score));
    }

    private static readonly Gen<decimal[]> Totals = Gen.Int[0, 10_000].Select(hundredths => hundredths / 100m).Array[1, 12];

    [Fact]
    public void Every_aggregation_lies_between_the_lowest_and_the_highest_total()
    {
        Gen.Select(Totals, Gen.Enum<ScoreAggregation>()).Sample((totals, aggregation) =>
        {
            var score = StageScore.Aggregate(aggregation, totals)!.Value;

            Assert.InRange(score, totals.Min(), totals.Max());
        }, iter: 5_000);
    }

    [Fact]
    public void The_order_of_the_totals_does_not_matter()
    {
        Gen.Select(Totals, Gen.Enum<ScoreAggregation>(), Gen.Int).Sample((totals, aggregation, seed) =>
        {
            var shuffled = totals.ToArray();
            new Random(seed).Shuffle(shuffled);

            Assert.Equal(StageScore.Aggregate(aggregation, totals), StageScore.Aggregate(aggregation, shuffled));
        }, iter: 2_000);
    }

    [Fact]
    public void Equal_totals_aggregate_to_that_total()
    {
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[1, 12], Gen.Enum<ScoreAggregation>()).Sample((hundredths, count, aggregation) =>
        {
            var total = hundredths / 100m;

            Assert.Equal(total, StageScore.Aggregate(aggregation, Enumerable.Repeat(total, count)));
        }, iter: 2_000);
    }

    [Fact]
    public void A_trimmed_mean_of_four_or_more_ignores_how_extreme_the_highest_and_lowest_are()
    {
        Gen.Select(Totals.Where(t => t.Length >= StageScore.TrimmedMeanMinimum), Gen.Int[0, 5_000]).Sample((totals, push) =>
        {
            var sorted = totals.Order().ToArray();
            var stretched = sorted.ToArray();
            stretched[0] -= push / 100m;
            stretched[^1] += push / 100m;

            Assert.Equal(StageScore.Aggregate(ScoreAggregation.TrimmedMean, sorted), StageScore.Aggregate(ScoreAggregation.TrimmedMean, stretched));
        }, iter: 2_000);
    }

    [Fact]
    public void The_median_has_as_many_totals_at_or_above_it_as_at_or_below_it()
    {
        Totals.Sample(totals =>
        {
            var median = StageScore.Aggregate(ScoreAggregation.Median, totals)!.Value;

            Assert.True(totals.Count(t => t >= median) * 2 >= totals.Length);
            Assert.True(totals.Count(t => t <= median) * 2 >= totals.Length);
        }, iter: 2_000);
    }
}
