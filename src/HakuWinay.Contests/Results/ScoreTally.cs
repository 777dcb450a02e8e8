using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Results;

/// <summary>
/// The submitted scores counted in one pass (rules 1 and 2): per profile and stage ("cell", index
/// profile × stages + stage) the number of scorecards, the stage score at full precision, and the
/// sums of the points of the criteria a tie-breaker names. Checks every score on the way: known
/// profile, stage and criteria, every criterion scored once within its range, one scorecard per
/// juror, profile and stage.
/// </summary>
internal sealed class ScoreTally
{
    private readonly int _stageCount;
    private readonly decimal[] _criterionSums;
    private readonly int _slotCount;

    private ScoreTally(int stageCount, int[] counts, decimal?[] stageScores, decimal[] criterionSums, int slotCount)
    {
        _stageCount = stageCount;
        Counts = counts;
        StageScores = stageScores;
        _criterionSums = criterionSums;
        _slotCount = slotCount;
    }

    public int[] Counts { get; }

    /// <summary>Full precision; null for a cell with no scorecard.</summary>
    public decimal?[] StageScores { get; }

    public int Cell(int profile, int stage) => profile * _stageCount + stage;

    /// <summary>The sum of a tie-breaker criterion's points over a cell's scorecards; <paramref name="slot"/> from <see cref="Slots"/>.</summary>
    public decimal CriterionSum(int cell, int slot) => _criterionSums[cell * _slotCount + slot];

    /// <summary>Numbers the criteria the tie-breakers name: per stage, per criterion, its slot or −1.</summary>
    public static int[][] Slots(CompiledRules rules, out int slotCount)
    {
        var slots = rules.Stages.Select(s => Enumerable.Repeat(-1, s.Criteria.Length).ToArray()).ToArray();
        var count = 0;
        foreach (var (rule, stage, criterion) in rules.TieBreakers)
        {
            if (rule.Kind == TieBreakerKind.HigherCriterionMean && slots[stage][criterion] < 0)
            {
                slots[stage][criterion] = count++;
            }
        }
        slotCount = count;
        return slots;
    }

    public static ScoreTally Count(CompiledRules rules, IReadOnlyList<SubmittedScore> scores, Dictionary<string, int> profileIndex, int[][] slots, int slotCount)
    {
        var stageCount = rules.Stages.Length;
        var cells = profileIndex.Count * stageCount;
        var cellOf = new int[scores.Count];
        var totals = new decimal[scores.Count];
        var counts = new int[cells];
        var criterionSums = new decimal[cells * slotCount];
        var order = new int[rules.Stages.Length == 0 ? 0 : rules.Stages.Max(s => s.Criteria.Length)];
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i] ?? throw new ResultsInputException($"Score number {i + 1} is missing.");
            if (score.ProfileCode is null || !profileIndex.TryGetValue(score.ProfileCode, out var profile))
            {
                throw new ResultsInputException($"A score names profile '{score.ProfileCode}', which the input does not have.");
            }
            if (rules.FindStage(score.StageCode) is var stage && stage < 0)
            {
                throw new ResultsInputException($"A score of profile {score.ProfileCode} names stage '{score.StageCode}', which the rules do not have.");
            }
            if (string.IsNullOrEmpty(score.JurorId))
            {
                throw new ResultsInputException($"A score of profile {score.ProfileCode} in stage {score.StageCode} has no juror id.");
            }
            var cell = profile * stageCount + stage;
            cellOf[i] = cell;
            counts[cell]++;
            totals[i] = StageTotal(rules.Stages[stage], score, order, slots[stage], criterionSums, cell * slotCount);
        }
        return new ScoreTally(stageCount, counts, Aggregate(rules, scores, cellOf, totals, counts), criterionSums, slotCount);
    }

    /// <summary>
    /// Rule 1, as <see cref="ScoreRules.StageTotal(IReadOnlyList{ScoringCriterion}, IEnumerable{KeyValuePair{string, decimal}})"/>
    /// computes it (summed in the stage's criterion order), without a dictionary when the points come in that order.
    /// </summary>
    private static decimal StageTotal(CompiledStage stage, SubmittedScore score, int[] order, int[] slots, decimal[] criterionSums, int sumsAt)
    {
        var criteria = stage.Criteria;
        var points = score.Points ?? throw Problem(score, "has no points");
        var total = 0m;
        var inOrder = points.Count == criteria.Length;
        for (var j = 0; inOrder && j < criteria.Length; j++)
        {
            var point = points[j];
            if (point is null || !string.Equals(point.CriterionCode, criteria[j].Criterion.Code, StringComparison.Ordinal))
            {
                inOrder = false;
                break;
            }
            total += Weighted(stage, j, point.Points, score);
        }
        if (!inOrder)
        {
            Locate(stage, score, points, order);
            total = 0m;
            for (var j = 0; j < criteria.Length; j++)
            {
                total += Weighted(stage, j, points[order[j]].Points, score);
            }
        }
        for (var j = 0; j < criteria.Length; j++)
        {
            if (slots[j] >= 0)
            {
                criterionSums[sumsAt + slots[j]] += points[inOrder ? j : order[j]].Points;
            }
        }
        return total;
    }

    private static decimal Weighted(CompiledStage stage, int j, decimal value, SubmittedScore score)
    {
        if (stage.Tables[j] is { } table)
        {
            // Whole, non-negative points with no decimals (flags, high and middle words all 0) within the table.
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            if ((bits[1] | bits[2] | bits[3]) == 0 && (uint)bits[0] < (uint)table.Length)
            {
                return table[bits[0]];
            }
        }
        ref readonly var criterion = ref stage.Criteria[j];
        if (decimal.IsNegative(value) || value > criterion.Criterion.MaxPoints)
        {
            throw Problem(score, $"gives criterion {criterion.Criterion.Code} {value} points, outside 0..{criterion.Criterion.MaxPoints}");
        }
        return criterion.Weighted(value, stage.Exact[j]);
    }

    /// <summary>Where each criterion's points are in a score that lists them in another order; refuses unknown, repeated and missing criteria.</summary>
    private static void Locate(CompiledStage stage, SubmittedScore score, IReadOnlyList<CriterionScore> points, int[] order)
    {
        Array.Fill(order, -1, 0, stage.Criteria.Length);
        for (var k = 0; k < points.Count; k++)
        {
            var code = points[k]?.CriterionCode;
            if (code is null || !stage.CriterionIndex.TryGetValue(code, out var j))
            {
                throw Problem(score, $"names criterion '{code}', which the stage does not have");
            }
            if (order[j] >= 0)
            {
                throw Problem(score, $"gives criterion {code} points twice");
            }
            order[j] = k;
        }
        for (var j = 0; j < stage.Criteria.Length; j++)
        {
            if (order[j] < 0)
            {
                throw Problem(score, $"has no points for criterion {stage.Criteria[j].Criterion.Code}");
            }
        }
    }

    /// <summary>Rule 2 per cell: the scores grouped by cell (a counting sort), one scorecard per juror, then the contest's aggregation.</summary>
    private static decimal?[] Aggregate(CompiledRules rules, IReadOnlyList<SubmittedScore> scores, int[] cellOf, decimal[] totals, int[] counts)
    {
        var starts = new int[counts.Length + 1];
        for (var c = 0; c < counts.Length; c++)
        {
            starts[c + 1] = starts[c] + counts[c];
        }
        var next = starts[..^1];
        var grouped = new int[scores.Count];
        for (var i = 0; i < scores.Count; i++)
        {
            grouped[next[cellOf[i]]++] = i;
        }
        var stageScores = new decimal?[counts.Length];
        var cellTotals = new decimal[counts.Length == 0 ? 0 : counts.Max()];
        for (var c = 0; c < counts.Length; c++)
        {
            var n = counts[c];
            if (n == 0)
            {
                continue;
            }
            for (var k = 0; k < n; k++)
            {
                var i = grouped[starts[c] + k];
                cellTotals[k] = totals[i];
                for (var other = 0; other < k; other++)
                {
                    if (string.Equals(scores[grouped[starts[c] + other]].JurorId, scores[i].JurorId, StringComparison.Ordinal))
                    {
                        throw Problem(scores[i], "is the second scorecard of this juror for this profile and stage");
                    }
                }
            }
            stageScores[c] = Aggregate(rules.Rules.Aggregation, cellTotals.AsSpan(0, n));
        }
        return stageScores;
    }

    /// <summary>
    /// <see cref="StageScore.Aggregate"/> on a span, sorting it in place instead of allocating: the
    /// same sums in the same (ascending) order, so the same numbers (a property test checks it).
    /// </summary>
    internal static decimal Aggregate(ScoreAggregation aggregation, Span<decimal> totals)
    {
        totals.Sort();
        var n = totals.Length;
        return aggregation switch
        {
            ScoreAggregation.Mean => Mean(totals),
            ScoreAggregation.Median => n % 2 == 1 ? totals[n / 2] : (totals[(n / 2) - 1] + totals[n / 2]) / 2m,
            ScoreAggregation.TrimmedMean => n >= StageScore.TrimmedMeanMinimum ? Mean(totals[1..^1]) : Mean(totals),
            _ => throw new ResultsInputException($"Unknown score aggregation {aggregation}."),
        };
    }

    private static decimal Mean(Span<decimal> sorted)
    {
        var sum = 0m;
        foreach (var total in sorted)
        {
            sum += total;
        }
        return sum / sorted.Length;
    }

    private static ResultsInputException Problem(SubmittedScore score, string what) =>
        new($"The score of profile {score.ProfileCode} by juror {score.JurorId} in stage {score.StageCode} {what}.");
}
