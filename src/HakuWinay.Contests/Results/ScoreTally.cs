using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
internal sealed class ScoreTally : IDisposable
{
    /// <summary>The flags word of a positive decimal with one decimal place (scale 1 in bits 16–23).</summary>
    private const int OneDecimal = 1 << 16;

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

    /// <summary>Per cell, its scorecards (pooled: longer than the cells, and returned by <see cref="Dispose"/>).</summary>
    public int[] Counts { get; }

    /// <summary>Per cell, full precision; null for a cell with no scorecard (pooled, like <see cref="Counts"/>).</summary>
    public decimal?[] StageScores { get; }

    public int Cell(int profile, int stage) => profile * _stageCount + stage;

    /// <summary>Returns the pooled arrays; the tally must not be read afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(Counts);
        ArrayPool<decimal?>.Shared.Return(StageScores);
    }

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
        var counts = ArrayPool<int>.Shared.Rent(cells);
        Array.Clear(counts, 0, cells);
        var criterionSums = new decimal[cells * slotCount];
        var order = new int[rules.Stages.Length == 0 ? 0 : rules.Stages.Max(s => s.Criteria.Length)];
        // Per score, its cell and its total, in pooled arrays: fresh ones would be large-object-heap
        // allocations, each collected with a full collection through the (large) input.
        var cellOf = ArrayPool<int>.Shared.Rent(scores.Count);
        var totals = ArrayPool<decimal>.Shared.Rent(scores.Count);
        try
        {
            Tally(rules, scores, profileIndex, slots, slotCount, cellOf, totals, counts, criterionSums, order);
            return new ScoreTally(stageCount, counts, Aggregate(rules, scores, cellOf, totals, counts, cells), criterionSums, slotCount);
        }
        catch
        {
            ArrayPool<int>.Shared.Return(counts);
            throw;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(cellOf);
            ArrayPool<decimal>.Shared.Return(totals);
        }
    }

    private static void Tally(
        CompiledRules rules, IReadOnlyList<SubmittedScore> scores, Dictionary<string, int> profileIndex, int[][] slots, int slotCount,
        int[] cellOf, decimal[] totals, int[] counts, decimal[] criterionSums, int[] order)
    {
        var stageCount = rules.Stages.Length;
        var scratch = Array.Empty<CriterionScore>();
        string? lastCode = null;
        var lastProfile = -1;
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i] ?? throw new ResultsInputException($"Score number {i + 1} is missing.");
            // A profile's scorecards usually come one after another: the same code as the previous
            // score's needs no hashing (ordinal equality first checks the reference).
            int profile;
            if (score.ProfileCode is not null && string.Equals(score.ProfileCode, lastCode, StringComparison.Ordinal))
            {
                profile = lastProfile;
            }
            else if (score.ProfileCode is null || !profileIndex.TryGetValue(score.ProfileCode, out profile))
            {
                throw new ResultsInputException($"A score names profile '{score.ProfileCode}', which the input does not have.");
            }
            (lastCode, lastProfile) = (score.ProfileCode, profile);
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
            totals[i] = StageTotal(rules.Stages[stage], score, Points(score, ref scratch), order, slots[stage], criterionSums, cell * slotCount);
        }
    }

    /// <summary>
    /// Rule 1, as <see cref="ScoreRules.StageTotal(IReadOnlyList{ScoringCriterion}, IEnumerable{KeyValuePair{string, decimal}})"/>
    /// computes it (summed in the stage's criterion order), without a dictionary when the points come in that order.
    /// </summary>
    private static decimal StageTotal(
        CompiledStage stage, SubmittedScore score, ReadOnlySpan<CriterionScore> points, int[] order, int[] slots, decimal[] criterionSums, int sumsAt)
    {
        var criteria = stage.Criteria;
        var total = 0m;
        var inOrder = points.Length == criteria.Length;
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

    /// <summary>
    /// A score's points as a span: a list's or an array's own storage (an interface call per point
    /// costs as much as the point's addition), any other list copied into <paramref name="scratch"/>.
    /// </summary>
    private static ReadOnlySpan<CriterionScore> Points(SubmittedScore score, ref CriterionScore[] scratch)
    {
        switch (score.Points)
        {
            case null:
                throw Problem(score, "has no points");
            case List<CriterionScore> list:
                return CollectionsMarshal.AsSpan(list);
            case CriterionScore[] array:
                return array;
            case var other:
                if (scratch.Length < other.Count)
                {
                    scratch = new CriterionScore[other.Count];
                }
                for (var k = 0; k < other.Count; k++)
                {
                    scratch[k] = other[k];
                }
                return scratch.AsSpan(0, other.Count);
        }
    }

    /// <summary>Room for <see cref="decimal.GetBits(decimal, Span{int})"/> without <c>stackalloc</c>, which would keep <see cref="Weighted"/> from being inlined.</summary>
    [InlineArray(4)]
    private struct DecimalBits
    {
        private int _word;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal Weighted(CompiledStage stage, int j, decimal value, SubmittedScore score)
    {
        if (stage.Tables[j] is { } table)
        {
            // Non-negative points below 2^32 hundredths written with no decimal (7) or one (7.5, 7.0):
            // sign and scale are in the flags word, the high and middle words are 0.
            var bits = default(DecimalBits);
            decimal.GetBits(value, bits);
            var halves = (bits[1] | bits[2]) != 0 ? -1L : bits[3] switch
            {
                0 => 2L * (uint)bits[0],
                OneDecimal when (uint)bits[0] % 5 == 0 => (uint)bits[0] / 5,
                _ => -1L,
            };
            if (halves >= 0 && halves < table.Length)
            {
                return table[halves];
            }
        }
        return WeightedChecked(stage, j, value, score);
    }

    /// <summary>Points the table does not hold: checked against the range, then weighted (kept out of line, with its throw).</summary>
    private static decimal WeightedChecked(CompiledStage stage, int j, decimal value, SubmittedScore score)
    {
        ref readonly var criterion = ref stage.Criteria[j];
        if (decimal.IsNegative(value) || value > criterion.Criterion.MaxPoints)
        {
            throw Problem(score, $"gives criterion {criterion.Criterion.Code} {value} points, outside 0..{criterion.Criterion.MaxPoints}");
        }
        return criterion.Weighted(value, stage.Exact[j]);
    }

    /// <summary>Where each criterion's points are in a score that lists them in another order; refuses unknown, repeated and missing criteria.</summary>
    private static void Locate(CompiledStage stage, SubmittedScore score, ReadOnlySpan<CriterionScore> points, int[] order)
    {
        Array.Fill(order, -1, 0, stage.Criteria.Length);
        for (var k = 0; k < points.Length; k++)
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
    private static decimal?[] Aggregate(CompiledRules rules, IReadOnlyList<SubmittedScore> scores, int[] cellOf, decimal[] totals, int[] counts, int cells)
    {
        var starts = ArrayPool<int>.Shared.Rent(cells + 1);
        var next = ArrayPool<int>.Shared.Rent(cells);
        var grouped = ArrayPool<int>.Shared.Rent(scores.Count);
        try
        {
            starts[0] = 0;
            for (var c = 0; c < cells; c++)
            {
                starts[c + 1] = starts[c] + counts[c];
                next[c] = starts[c];
            }
            for (var i = 0; i < scores.Count; i++)
            {
                grouped[next[cellOf[i]]++] = i;
            }
            return AggregateCells(rules, scores, totals, counts, cells, starts, grouped);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(grouped);
        }
    }

    private static decimal?[] AggregateCells(
        CompiledRules rules, IReadOnlyList<SubmittedScore> scores, decimal[] totals, int[] counts, int cells, int[] starts, int[] grouped)
    {
        var stageScores = ArrayPool<decimal?>.Shared.Rent(cells);
        var cellTotals = new decimal[cells == 0 ? 0 : MaxOf(counts, cells)];
        try
        {
            for (var c = 0; c < cells; c++)
            {
                stageScores[c] = AggregateCell(rules, scores, totals, counts[c], starts[c], grouped, cellTotals);
            }
        }
        catch
        {
            ArrayPool<decimal?>.Shared.Return(stageScores);
            throw;
        }
        return stageScores;
    }

    private static int MaxOf(int[] counts, int cells)
    {
        var max = 0;
        for (var c = 0; c < cells; c++)
        {
            max = Math.Max(max, counts[c]);
        }
        return max;
    }

    private static decimal? AggregateCell(CompiledRules rules, IReadOnlyList<SubmittedScore> scores, decimal[] totals, int n, int start, int[] grouped, decimal[] cellTotals)
    {
        if (n == 0)
        {
            return null;
        }
        for (var k = 0; k < n; k++)
        {
            var i = grouped[start + k];
            cellTotals[k] = totals[i];
            for (var other = 0; other < k; other++)
            {
                if (string.Equals(scores[grouped[start + other]].JurorId, scores[i].JurorId, StringComparison.Ordinal))
                {
                    throw Problem(scores[i], "is the second scorecard of this juror for this profile and stage");
                }
            }
        }
        return Aggregate(rules.Rules.Aggregation, cellTotals.AsSpan(0, n));
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
