using CsCheck;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class ScoreRulesPropertyTests
{
    /// <summary>
    /// A random stage: 1 to 8 criteria whose weights (in hundredths) sum to exactly 100, each with a
    /// maximum of 1 to 100 points in half points, and points on the half-point step within 0..max.
    /// </summary>
    private static readonly Gen<(ScoringCriterion[] Criteria, decimal[] Points)> Stage =
        Gen.Int[1, 8].SelectMany(count =>
            Gen.Int[1, 1_000].Array[count].SelectMany(shares =>
                Gen.Int[2, 200].Array[count].SelectMany(doubledMaxima =>
                    Gen.Double[0, 1].Array[count].Select(fractions =>
                    {
                        var weights = SplitHundred(shares);
                        var criteria = Enumerable.Range(0, count)
                            .Select(i => new ScoringCriterion($"C{i + 1}", $"Criterio {i + 1}", doubledMaxima[i] / 2m, weights[i]))
                            .ToArray();
                        var points = criteria
                            .Select((c, i) => Math.Round((decimal)fractions[i] * c.MaxPoints * 2m, MidpointRounding.ToZero) / 2m)
                            .ToArray();
                        return (criteria, points);
                    }))));

    [Fact]
    public void A_stage_total_lies_between_zero_and_one_hundred_when_weights_sum_to_one_hundred()
    {
        Stage.Sample(stage =>
        {
            var entries = stage.Criteria.Select((c, i) => new CriterionPoints(c.Code, stage.Points[i])).ToList();

            Assert.Empty(ScoreRules.CheckSubmission(stage.Criteria, ScoreGranularity.HalfPoints, entries, null));
            var total = ScoreRules.StageTotal(stage.Criteria, entries);
            Assert.InRange(total, 0m, 100m);
        }, iter: 5_000);
    }

    [Fact]
    public void Full_points_on_every_criterion_total_exactly_one_hundred()
    {
        Stage.Sample(stage =>
        {
            var full = stage.Criteria.Select(c => new CriterionPoints(c.Code, c.MaxPoints));

            Assert.Equal(100m, ScoreRules.StageTotal(stage.Criteria, full));
        }, iter: 2_000);
    }

    [Fact]
    public void Raising_one_criterion_never_lowers_the_total()
    {
        Stage.Sample(stage =>
        {
            var entries = stage.Criteria.Select((c, i) => new CriterionPoints(c.Code, stage.Points[i])).ToArray();
            var raised = entries.ToArray();
            raised[0] = raised[0] with { Points = stage.Criteria[0].MaxPoints };

            Assert.True(ScoreRules.StageTotal(stage.Criteria, raised) >= ScoreRules.StageTotal(stage.Criteria, entries));
        }, iter: 2_000);
    }

    /// <summary>Hundredths proportional to the shares, the remainder on the first, summing to exactly 100.00.</summary>
    private static decimal[] SplitHundred(int[] shares)
    {
        var sum = shares.Sum();
        var weights = shares.Select(s => Math.Max(0.01m, Math.Floor(10_000m * s / sum) / 100m)).ToArray();
        weights[0] += 100m - weights.Sum();
        return weights[0] > 0 ? weights : SplitHundred([.. shares.Select(_ => 1)]);
    }
}
