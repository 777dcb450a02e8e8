using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Results;

/// <summary>
/// The submitted scores counted in one pass (rules 1 and 2): per profile and stage ("cell", index
/// profile × stages + stage) the number of scorecards, the exact stage score (issue 17: each
/// juror's total is a numerator over the stage's common denominator, summed as <c>decimal</c> while
/// that is exact and as <see cref="ExactFraction"/> when it is not, divided once), and the
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

    private ScoreTally(int stageCount, int[] counts, ExactFraction?[] stageScores, decimal[] criterionSums, int slotCount)
    {
        _stageCount = stageCount;
        Counts = counts;
        StageScores = stageScores;
        _criterionSums = criterionSums;
        _slotCount = slotCount;
    }

    /// <summary>Per cell, its scorecards (pooled: longer than the cells, and returned by <see cref="Dispose"/>).</summary>
    public int[] Counts { get; }

    /// <summary>Per cell, exact; null for a cell with no scorecard (pooled, like <see cref="Counts"/>).</summary>
    public ExactFraction?[] StageScores { get; }

    public int Cell(int profile, int stage) => profile * _stageCount + stage;

    /// <summary>Returns the pooled arrays; the tally must not be read afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(Counts);
        ArrayPool<ExactFraction?>.Shared.Return(StageScores);
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
        // Per score, its cell, its total's numerator and whether that numerator is exact, in pooled
        // arrays: fresh ones would be large-object-heap allocations, each collected with a full
        // collection through the (large) input.
        var cellOf = ArrayPool<int>.Shared.Rent(scores.Count);
        var totals = ArrayPool<decimal>.Shared.Rent(scores.Count);
        var exact = ArrayPool<bool>.Shared.Rent(scores.Count);
        try
        {
            Tally(rules, scores, profileIndex, slots, slotCount, cellOf, totals, exact, counts, criterionSums, order);
            return new ScoreTally(stageCount, counts, Aggregate(rules, scores, cellOf, totals, exact, counts, cells), criterionSums, slotCount);
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
            ArrayPool<bool>.Shared.Return(exact);
        }
    }

    private static void Tally(
        CompiledRules rules, IReadOnlyList<SubmittedScore> scores, Dictionary<string, int> profileIndex, int[][] slots, int slotCount,
        int[] cellOf, decimal[] totals, bool[] exact, int[] counts, decimal[] criterionSums, int[] order)
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
            var compiled = rules.Stages[stage];
            var isExact = compiled.HasDecimalNumerators;
            totals[i] = StageNumerator(compiled, score, Points(score, ref scratch), order, slots[stage], criterionSums, cell * slotCount, ref isExact);
            exact[i] = isExact;
        }
    }

    /// <summary>
    /// Rule 1: the numerator of the juror's total over the stage's <see cref="CompiledStage.Denominator"/>
    /// (Σ points × multiplier), without a dictionary when the points come in the stage's order.
    /// <paramref name="exact"/> turns false when a <c>decimal</c> step had to round (points with many
    /// decimals); the cell then computes that total as a fraction.
    /// </summary>
    private static decimal StageNumerator(
        CompiledStage stage, SubmittedScore score, ReadOnlySpan<CriterionScore> points, int[] order, int[] slots, decimal[] criterionSums, int sumsAt,
        ref bool exact)
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
            total = Add(total, Weighted(stage, j, point.Points, score, ref exact), ref exact);
        }
        if (!inOrder)
        {
            Locate(stage, score, points, order);
            total = 0m;
            for (var j = 0; j < criteria.Length; j++)
            {
                total = Add(total, Weighted(stage, j, points[order[j]].Points, score, ref exact), ref exact);
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

    /// <summary>A decimal sum that notes when it was rounded: a rounded sum keeps fewer decimals than its terms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal Add(decimal a, decimal b, ref bool exact)
    {
        var sum = a + b;
        if (sum.Scale < Math.Max(a.Scale, b.Scale))
        {
            exact = false;
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static decimal Weighted(CompiledStage stage, int j, decimal value, SubmittedScore score, ref bool exact)
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
        return WeightedChecked(stage, j, value, score, ref exact);
    }

    /// <summary>
    /// Points the table does not hold: checked against the range, then times the multiplier (kept out
    /// of line, with its throw). A product by a whole number keeps the points' decimals unless it rounded.
    /// </summary>
    private static decimal WeightedChecked(CompiledStage stage, int j, decimal value, SubmittedScore score, ref bool exact)
    {
        ref readonly var criterion = ref stage.Criteria[j];
        if (decimal.IsNegative(value) || value > criterion.Criterion.MaxPoints)
        {
            throw Problem(score, $"gives criterion {criterion.Criterion.Code} {value} points, outside 0..{criterion.Criterion.MaxPoints}");
        }
        if (!exact)
        {
            return 0m;
        }
        var product = value * criterion.Multiplier;
        if (product.Scale != value.Scale)
        {
            exact = false;
        }
        return product;
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
    private static ExactFraction?[] Aggregate(
        CompiledRules rules, IReadOnlyList<SubmittedScore> scores, int[] cellOf, decimal[] totals, bool[] exact, int[] counts, int cells)
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
            return AggregateCells(rules, scores, totals, exact, counts, cells, starts, grouped);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(grouped);
        }
    }

    private static ExactFraction?[] AggregateCells(
        CompiledRules rules, IReadOnlyList<SubmittedScore> scores, decimal[] totals, bool[] exact, int[] counts, int cells, int[] starts, int[] grouped)
    {
        var stageScores = ArrayPool<ExactFraction?>.Shared.Rent(cells);
        var cellTotals = new decimal[cells == 0 ? 0 : MaxOf(counts, cells)];
        var stageCount = rules.Stages.Length;
        try
        {
            for (var c = 0; c < cells; c++)
            {
                stageScores[c] = AggregateCell(rules, rules.Stages[c % stageCount], scores, totals, exact, counts[c], starts[c], grouped, cellTotals);
            }
        }
        catch
        {
            ArrayPool<ExactFraction?>.Shared.Return(stageScores);
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

    private static ExactFraction? AggregateCell(
        CompiledRules rules, CompiledStage stage, IReadOnlyList<SubmittedScore> scores, decimal[] totals, bool[] exact, int n, int start, int[] grouped,
        decimal[] cellTotals)
    {
        if (n == 0)
        {
            return null;
        }
        var allExact = true;
        for (var k = 0; k < n; k++)
        {
            var i = grouped[start + k];
            cellTotals[k] = totals[i];
            allExact &= exact[i];
            for (var other = 0; other < k; other++)
            {
                if (string.Equals(scores[grouped[start + other]].JurorId, scores[i].JurorId, StringComparison.Ordinal))
                {
                    throw Problem(scores[i], "is the second scorecard of this juror for this profile and stage");
                }
            }
        }
        if (allExact && Aggregate(rules.Rules.Aggregation, cellTotals.AsSpan(0, n), out var numerator, out var divisor))
        {
            return ExactFraction.From(numerator) / ExactFraction.Of(stage.Denominator * divisor, 1);
        }
        // Rare: a numerator or a sum that a decimal could not hold exactly. Every total as a fraction.
        var fractions = new ExactFraction[n];
        for (var k = 0; k < n; k++)
        {
            fractions[k] = ExactTotal(stage, scores[grouped[start + k]]);
        }
        return StageScore.AggregateExact(rules.Rules.Aggregation, fractions);
    }

    /// <summary>A score's total as a fraction, from its points in any order (already checked by the tally).</summary>
    private static ExactFraction ExactTotal(CompiledStage stage, SubmittedScore score)
    {
        var points = new decimal[stage.Criteria.Length];
        foreach (var point in score.Points)
        {
            points[stage.CriterionIndex[point.CriterionCode]] = point.Points;
        }
        return stage.Total(points);
    }

    /// <summary>
    /// <see cref="StageScore.AggregateExact"/> on the numerators
    /// of one stage (a common denominator, so their order is their totals' order), sorting them in
    /// place: the aggregate is <paramref name="numerator"/> / (<paramref name="divisor"/> × the
    /// stage's denominator). False when a sum could not be held exactly.
    /// </summary>
    internal static bool Aggregate(ScoreAggregation aggregation, Span<decimal> numerators, out decimal numerator, out int divisor)
    {
        numerators.Sort();
        var n = numerators.Length;
        var exact = true;
        switch (aggregation)
        {
            case ScoreAggregation.Mean:
                (numerator, divisor) = (Sum(numerators, ref exact), n);
                break;
            case ScoreAggregation.Median when n % 2 == 1:
                (numerator, divisor) = (numerators[n / 2], 1);
                break;
            case ScoreAggregation.Median:
                (numerator, divisor) = (Sum(numerators.Slice((n / 2) - 1, 2), ref exact), 2);
                break;
            case ScoreAggregation.TrimmedMean when n >= StageScore.TrimmedMeanMinimum:
                (numerator, divisor) = (Sum(numerators[1..^1], ref exact), n - 2);
                break;
            case ScoreAggregation.TrimmedMean:
                (numerator, divisor) = (Sum(numerators, ref exact), n);
                break;
            default:
                throw new ResultsInputException($"Unknown score aggregation {aggregation}.");
        }
        return exact;
    }

    private static decimal Sum(Span<decimal> sorted, ref bool exact)
    {
        var sum = 0m;
        foreach (var total in sorted)
        {
            try
            {
                sum = Add(sum, total, ref exact);
            }
            catch (OverflowException)
            {
                exact = false;
                return 0m;
            }
        }
        return sum;
    }

    private static ResultsInputException Problem(SubmittedScore score, string what) =>
        new($"The score of profile {score.ProfileCode} by juror {score.JurorId} in stage {score.StageCode} {what}.");
}
