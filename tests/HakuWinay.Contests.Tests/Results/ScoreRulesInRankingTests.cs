using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using static HakuWinay.Contests.Tests.Results.ResultsBuilder;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>Rules 1 to 3: a juror's stage total, a profile's stage score, its evaluation score and the pass mark.</summary>
public sealed class ScoreRulesInRankingTests
{
    [Fact]
    public void Stage_total_weighs_each_criterion_by_its_maximum()
    {
        // 8 of 10 with weight 40 → 32; 15 of 20 with weight 60 → 45; total 77.
        var result = new ResultsBuilder()
            .Stage("S", 100, 1, Criterion("PLAN", 10, 40), Criterion("ORG", 20, 60))
            .Profile("AYA-001").Score("AYA-001", "S", "J1", ("PLAN", 8), ("ORG", 15))
            .Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(77.00m, entry.Stages.Single().Score);
        Assert.Equal(77.00m, entry.EvaluationScore);
    }

    [Fact]
    public void Points_may_come_in_any_order()
    {
        var result = new ResultsBuilder()
            .Stage("S", 100, 1, Criterion("PLAN", 10, 40), Criterion("ORG", 20, 60))
            .Profile("AYA-001").Score("AYA-001", "S", "J1", ("ORG", 15), ("PLAN", 8))
            .Rank();

        Assert.Equal(77.00m, result.Entry("AYA-001").EvaluationScore);
    }

    [Theory]
    // Mean of 60, 80, 100.
    [InlineData(ScoreAggregation.Mean, new[] { 60.0, 80.0, 100.0 }, 80.0)]
    // Trimmed mean with 3 scorecards: too few to trim, so the mean of 60, 80 and 100.
    [InlineData(ScoreAggregation.TrimmedMean, new[] { 100.0, 60.0, 80.0 }, 80.0)]
    // Trimmed mean with 4: 50 and 100 dropped, the mean of 70 and 80.
    [InlineData(ScoreAggregation.TrimmedMean, new[] { 100.0, 50.0, 80.0, 70.0 }, 75.0)]
    // Median of an even count: the mean of the two middle values, 70 and 80.
    [InlineData(ScoreAggregation.Median, new[] { 90.0, 60.0, 80.0, 70.0 }, 75.0)]
    [InlineData(ScoreAggregation.Median, new[] { 90.0, 60.0, 71.0 }, 71.0)]
    public void Stage_score_aggregates_the_jurors_totals(ScoreAggregation aggregation, double[] totals, double expected)
    {
        var result = new ResultsBuilder()
            .Aggregation(aggregation)
            .Stage("S", 100, totals.Length)
            .Profile("AYA-001").Totals("AYA-001", "S", [.. totals.Select(t => (decimal)t)])
            .Rank();

        Assert.Equal((decimal)expected, result.Entry("AYA-001").EvaluationScore);
    }

    [Fact]
    public void Evaluation_score_weighs_the_stages()
    {
        // 30 × 90 / 100 + 70 × 60 / 100 = 27 + 42 = 69.
        var result = new ResultsBuilder()
            .Stage(Field, 30).Stage(Public, 70)
            .Profile("AYA-001").Scored("AYA-001", 90, 60)
            .Rank();

        Assert.Equal(69.00m, result.Entry("AYA-001").EvaluationScore);
        Assert.Equal(ResultOutcome.Failed, result.Entry("AYA-001").Outcome);
    }

    [Fact]
    public void Evaluation_score_of_69_995_rounds_to_70_and_passes()
    {
        // (69.99 + 70) / 2 = 69.995 → 70.00, half away from zero.
        var result = new ResultsBuilder().Profile("AYA-001").Scored("AYA-001", 69.99m, 70m).Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(70.00m, entry.EvaluationScore);
        Assert.True(entry.Passed);
        Assert.Equal(1, entry.Rank);
        Assert.Equal(ResultOutcome.Funded, entry.Outcome);
    }

    [Fact]
    public void Evaluation_score_of_69_994_rounds_to_69_99_and_fails()
    {
        // (69.988 + 70) / 2 = 69.994 → 69.99.
        var result = new ResultsBuilder().Profile("AYA-001").Scored("AYA-001", 69.988m, 70m).Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(69.99m, entry.EvaluationScore);
        Assert.False(entry.Passed);
        Assert.Null(entry.Rank);
        Assert.Equal(ResultOutcome.Failed, entry.Outcome);
    }

    [Fact]
    public void Evaluation_score_is_rounded_once_from_full_precision_stage_scores()
    {
        // Stage scores 70.004 and 69.985 show as 70.00 and 69.99, whose mean would be 69.995 → 70.00;
        // at full precision the evaluation is 69.9945 → 69.99: the profile fails.
        var result = new ResultsBuilder().Profile("AYA-001").Scored("AYA-001", 70.004m, 69.985m).Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal([70.00m, 69.99m], entry.Stages.Select(s => s.Score));
        Assert.Equal(69.99m, entry.EvaluationScore);
        Assert.Equal(ResultOutcome.Failed, entry.Outcome);
    }

    [Fact]
    public void A_mean_that_does_not_terminate_keeps_full_precision_until_the_evaluation()
    {
        // Field: (70 + 70 + 70.01) / 3 = 70.00333…; public 69.99; evaluation 69.996666… → 70.00.
        var result = new ResultsBuilder()
            .Profile("AYA-001").Totals("AYA-001", Field, 70, 70, 70.01m).Totals("AYA-001", Public, 69.99m)
            .Rank();

        Assert.Equal(70.00m, result.Entry("AYA-001").EvaluationScore);
        Assert.Equal(3, result.Entry("AYA-001").Stages[0].Scorecards);
    }

    [Fact]
    public void A_custom_pass_mark_is_respected()
    {
        var result = new ResultsBuilder().PassMark(60).Profile("AYA-001").Scored("AYA-001", 60).Profile("AYA-002").Scored("AYA-002", 59.99m).Rank();

        Assert.True(result.Entry("AYA-001").Passed);
        Assert.False(result.Entry("AYA-002").Passed);
    }
}
