using System.Globalization;
using System.Numerics;
using HakuWinay.Contests.Cli;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using HakuWinay.Contests.Tests.Results.Package;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>
/// Issue 17: stage totals, the jurors' average and the evaluation score are computed exactly and
/// rounded once, half away from zero, by the portal's ranking and by the command-line tool's
/// <c>rank</c>. Checked against a reference written here with nothing but <see cref="BigInteger"/>
/// fractions, over criteria maxima 1–20 and points with up to six decimals.
/// </summary>
public sealed class ExactArithmeticTests
{
    private static readonly ScoreAggregation[] Aggregations = Enum.GetValues<ScoreAggregation>();

    [Fact]
    public void Ranking_matches_an_exact_rational_reference_over_maxima_1_to_20_and_six_decimal_points()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var input = RandomContest(new Random(seed), boundary: false);
            AssertMatchesReference(input, Ranking.Compute(input), $"seed {seed}");
        }
    }

    [Fact]
    public void Exact_xx5_juror_averages_round_half_away_from_zero()
    {
        var decimalFormulaWrong = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var input = RandomContest(new Random(seed), boundary: true);
            var result = Ranking.Compute(input);
            AssertMatchesReference(input, result, $"boundary seed {seed}");
            foreach (var profile in input.Profiles)
            {
                var exact = Reference.StageScore(input, profile.Code, input.Rules.Stages[0]);
                Assert.Equal(5, (int)(exact.Numerator * 1000 / exact.Denominator % 10));
                Assert.True(exact.Numerator * 1000 % exact.Denominator == 0, $"boundary seed {seed}: {profile.Code} is not an exact x.xx5");
                decimalFormulaWrong += DecimalFormulaStage(input, profile.Code) != Reference.Round(exact) ? 1 : 0;
            }
        }
        // The cases are the ones the issue describes: the old decimal sum rounds some of them down.
        Assert.True(decimalFormulaWrong > 0, "no boundary case where term-by-term decimal arithmetic rounds wrongly");
    }

    [Fact]
    public void Evaluation_score_of_an_exact_xx5_from_repeating_terms_rounds_up()
    {
        // Field: two criteria of maximum 3, weights 50/50; 1.200301 and 1.200299 points give
        // 20.0050166… + 20.0049833… = 40.01 exactly. Public: 100. Evaluation (40.01 + 100) / 2 = 70.005 → 70.01.
        var input = new ResultsBuilder()
            .Stage(ResultsBuilder.Field, 50m, 1, ResultsBuilder.Criterion("A", 3m, 50m), ResultsBuilder.Criterion("B", 3m, 50m))
            .Stage(ResultsBuilder.Public, 50m, 1, ResultsBuilder.Criterion("P", 20m, 100m))
            .Category(ResultsBuilder.Idea, budget: 0m)
            .Profile("AYA-001")
            .Score("AYA-001", ResultsBuilder.Field, "J1", ("A", 1.200301m), ("B", 1.200299m))
            .Score("AYA-001", ResultsBuilder.Public, "J1", ("P", 20m))
            .Build();

        var entry = Ranking.Compute(input).Entry("AYA-001");

        Assert.Equal(40.01m, entry.Stages[0].Score);
        Assert.Equal(70.01m, entry.EvaluationScore);
        Assert.True(entry.Passed);
    }

    [Fact]
    public void A_juror_average_of_an_exact_xx5_rounds_up()
    {
        // Three jurors on one criterion of maximum 7 (weight 100): 4.900351, 4.900349 and 4.90035
        // points, totals 70.00501428…, 70.00498571… and 70.005: mean exactly 70.005 → 70.01.
        var input = new ResultsBuilder()
            .Stage(ResultsBuilder.Field, 100m, 3, ResultsBuilder.Criterion("A", 7m, 100m))
            .Category(ResultsBuilder.Idea, budget: 0m)
            .Profile("AYA-001")
            .Score("AYA-001", ResultsBuilder.Field, "J1", ("A", 4.900351m))
            .Score("AYA-001", ResultsBuilder.Field, "J2", ("A", 4.900349m))
            .Score("AYA-001", ResultsBuilder.Field, "J3", ("A", 4.90035m))
            .Build();

        var entry = Ranking.Compute(input).Entry("AYA-001");

        Assert.Equal(70.01m, entry.Stages[0].Score);
        Assert.Equal(70.01m, entry.EvaluationScore);
    }

    [Fact]
    public void Rank_in_the_command_line_tool_prints_the_exactly_rounded_scores()
    {
        var folder = Directory.CreateTempSubdirectory("hakuwinay-exact-").FullName;
        try
        {
            for (var seed = 0; seed < 40; seed++)
            {
                var input = RandomContest(new Random(seed), boundary: seed % 2 == 0);
                var package = ResultsPackageJson.WithHash(new ResultsPackage(
                    new PublishedContest("AYA-2026-01", "Concurso", 1, ResultsSamples.PublishedAt, null),
                    input.Rules, input.Profiles, input.Scores, Ranking.Compute(input)));
                var path = Path.Combine(folder, $"package-{seed}.json");
                File.WriteAllText(path, ResultsPackageJson.Write(package));
                using var output = new StringWriter();
                using var error = new StringWriter();

                var code = CliApp.Run(["rank", path], output, error);

                Assert.Equal((0, ""), (code, error.ToString()));
                var rows = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
                Assert.Equal(input.Profiles.Count, rows.Count);
                foreach (var row in rows)
                {
                    var expected = Reference.Round(Reference.Evaluation(input, row[2]));
                    Assert.Equal(expected.ToString("0.00", CultureInfo.InvariantCulture), row[3]);
                }
                using var verifyOutput = new StringWriter();
                Assert.Equal(CliApp.Ok, CliApp.Run(["verify", path], verifyOutput, error));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertMatchesReference(ResultsInput input, RankingResult result, string what)
    {
        foreach (var profile in input.Profiles)
        {
            var entry = result.Entry(profile.Code);
            for (var s = 0; s < input.Rules.Stages.Count; s++)
            {
                var expected = Reference.Round(Reference.StageScore(input, profile.Code, input.Rules.Stages[s]));
                Assert.True(expected == entry.Stages[s].Score, $"{what}, {profile.Code}, stage {s}: expected {expected}, got {entry.Stages[s].Score}");
            }
            var evaluation = Reference.Round(Reference.Evaluation(input, profile.Code));
            Assert.True(evaluation == entry.EvaluationScore, $"{what}, {profile.Code}: expected evaluation {evaluation}, got {entry.EvaluationScore}");
        }
    }

    /// <summary>The stage score as the code computed it before issue 17: each term a decimal quotient, rounded at the end.</summary>
    private static decimal DecimalFormulaStage(ResultsInput input, string profile)
    {
        var stage = input.Rules.Stages[0];
        var totals = input.Scores.Where(s => s.ProfileCode == profile && s.StageCode == stage.Code)
            .Select(s => stage.Criteria.Sum(c => s.Points.Single(p => p.CriterionCode == c.Code).Points * c.Weight / c.MaxPoints))
            .Order().ToList();
        var score = input.Rules.Aggregation switch
        {
            ScoreAggregation.Median => totals.Count % 2 == 1 ? totals[totals.Count / 2] : (totals[(totals.Count / 2) - 1] + totals[totals.Count / 2]) / 2m,
            ScoreAggregation.TrimmedMean when totals.Count >= 4 => totals[1..^1].Sum() / (totals.Count - 2),
            _ => totals.Sum() / totals.Count,
        };
        return Math.Round(score, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A contest of 1–6 profiles, two stages of random weights. The first stage has 1–6 criteria with
    /// maxima 1–20 and weights with up to three decimals; points with up to six decimals (some halves);
    /// 1–5 jurors. With <paramref name="boundary"/>, the first stage has two criteria of one maximum
    /// and the last juror's points are chosen so that the stage score is exactly x.xx5.
    /// </summary>
    private static ResultsInput RandomContest(Random random, bool boundary)
    {
        var aggregation = boundary ? ScoreAggregation.Mean : Aggregations[random.Next(Aggregations.Length)];
        var firstWeight = boundary ? 100m : random.Next(1, 100);
        var builder = new ResultsBuilder().Aggregation(aggregation).PassMark(0m).Category(ResultsBuilder.Idea, budget: 0m);
        var maximum = random.Next(1, 21);
        var field = boundary
            ? new[] { ResultsBuilder.Criterion("A", maximum, 50m), ResultsBuilder.Criterion("B", maximum, 50m) }
            : Weights(random, random.Next(1, 7)).Select((w, c) => ResultsBuilder.Criterion($"C{c}", random.Next(1, 21), w)).ToArray();
        builder.Stage(ResultsBuilder.Field, firstWeight, 1, field);
        var publicStage = new[] { ResultsBuilder.Criterion("P", 7m, 100m) };
        if (!boundary)
        {
            builder.Stage(ResultsBuilder.Public, 100m - firstWeight, 1, publicStage);
        }
        var profiles = random.Next(1, 7);
        for (var p = 0; p < profiles; p++)
        {
            var code = $"AYA-{p:D3}";
            builder.Profile(code);
            var jurors = random.Next(1, 6);
            decimal[][] points;
            do
            {
                points = [.. Enumerable.Range(0, jurors).Select(_ => field.Select(c => Points(random, c.MaxPoints)).ToArray())];
            }
            while (boundary && !Boundary(random, points, maximum));
            for (var j = 0; j < jurors; j++)
            {
                builder.Score(code, ResultsBuilder.Field, $"J{j}", [.. field.Select((c, k) => (c.Code, points[j][k]))]);
                if (!boundary)
                {
                    builder.Score(code, ResultsBuilder.Public, $"J{j}", ("P", Points(random, 7m)));
                }
            }
        }
        return builder.Build();
    }

    /// <summary>
    /// Makes the jurors' mean exactly x.xx5: with two criteria of maximum m at weights 50/50 the mean
    /// is 50 × Σ points / (m × jurors), so Σ points must be 0.02 × m × jurors × target, which has at
    /// most six decimals. The last juror's last points take up the difference, if that fits 0..m.
    /// </summary>
    private static bool Boundary(Random random, decimal[][] points, int maximum)
    {
        var jurors = points.Length;
        var target = (random.Next(0, 10_000) * 10m + 5m) / 1000m;
        var needed = 0.02m * maximum * jurors * target;
        var rest = points.Sum(p => p.Sum()) - points[^1][1];
        var last = needed - rest;
        if (last < 0m || last > maximum)
        {
            return false;
        }
        points[^1][1] = last;
        return true;
    }

    /// <summary>Weights of up to three decimals that sum to exactly 100.</summary>
    private static decimal[] Weights(Random random, int count)
    {
        var cuts = Enumerable.Range(0, count - 1).Select(_ => random.Next(1, 100_000)).Order().ToList();
        cuts.Insert(0, 0);
        cuts.Add(100_000);
        return [.. Enumerable.Range(0, count).Select(i => (cuts[i + 1] - cuts[i]) / 1000m)];
    }

    private static decimal Points(Random random, decimal max) => random.Next(0, 4) == 0
        ? random.Next(0, (int)(2 * max) + 1) / 2m
        : random.NextInt64(0, (long)(max * 1_000_000m) + 1) / 1_000_000m;

    /// <summary>The rules of <c>docs/results.md</c> over exact fractions, with nothing from the portal's code.</summary>
    private static class Reference
    {
        public static (BigInteger Numerator, BigInteger Denominator) StageScore(ResultsInput input, string profile, RankedStage stage)
        {
            var totals = input.Scores.Where(s => s.ProfileCode == profile && s.StageCode == stage.Code)
                .Select(s => stage.Criteria.Aggregate(Of(0), (sum, c) => Add(sum, Div(Mul(Of(s.Points.Single(p => p.CriterionCode == c.Code).Points), Of(c.Weight)), Of(c.MaxPoints)))))
                .OrderBy(t => t, Comparer<(BigInteger N, BigInteger D)>.Create((a, b) => (a.N * b.D).CompareTo(b.N * a.D)))
                .ToList();
            var n = totals.Count;
            return input.Rules.Aggregation switch
            {
                ScoreAggregation.Median when n % 2 == 1 => totals[n / 2],
                ScoreAggregation.Median => Div(Add(totals[(n / 2) - 1], totals[n / 2]), Of(2)),
                ScoreAggregation.TrimmedMean when n >= 4 => Div(totals[1..^1].Aggregate(Of(0), Add), Of(n - 2)),
                _ => Div(totals.Aggregate(Of(0), Add), Of(n)),
            };
        }

        public static (BigInteger Numerator, BigInteger Denominator) Evaluation(ResultsInput input, string profile) =>
            Div(input.Rules.Stages.Aggregate(Of(0), (sum, s) => Add(sum, Mul(Of(s.Weight), StageScore(input, profile, s)))), Of(100));

        /// <summary>Two decimals, half away from zero (every value here is at least 0).</summary>
        public static decimal Round((BigInteger Numerator, BigInteger Denominator) value)
        {
            var cents = ((200 * value.Numerator) + value.Denominator) / (2 * value.Denominator);
            return (decimal)cents / 100m;
        }

        private static (BigInteger, BigInteger) Of(decimal value)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            return dot < 0
                ? (BigInteger.Parse(text, CultureInfo.InvariantCulture), BigInteger.One)
                : (BigInteger.Parse(text.Remove(dot, 1), CultureInfo.InvariantCulture), BigInteger.Pow(10, text.Length - dot - 1));
        }

        private static (BigInteger, BigInteger) Add((BigInteger N, BigInteger D) a, (BigInteger N, BigInteger D) b) => Reduce((a.N * b.D) + (b.N * a.D), a.D * b.D);

        private static (BigInteger, BigInteger) Mul((BigInteger N, BigInteger D) a, (BigInteger N, BigInteger D) b) => Reduce(a.N * b.N, a.D * b.D);

        private static (BigInteger, BigInteger) Div((BigInteger N, BigInteger D) a, (BigInteger N, BigInteger D) b) => Reduce(a.N * b.D, a.D * b.N);

        private static (BigInteger, BigInteger) Reduce(BigInteger n, BigInteger d)
        {
            var gcd = BigInteger.GreatestCommonDivisor(n, d);
            return gcd.IsZero ? (n, d) : (n / gcd, d / gcd);
        }
    }
}
