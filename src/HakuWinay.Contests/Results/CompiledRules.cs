using System.Globalization;
using System.Numerics;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results;

/// <summary>
/// A criterion ready for rule 1. Its term points × weight / maximum is points × <see cref="Multiplier"/>
/// over the stage's <see cref="CompiledStage.Denominator"/> (a common denominator of every
/// criterion's weight / maximum), so a juror's total is one exact sum of numerators divided once.
/// </summary>
internal readonly struct CompiledCriterion(RankedCriterion criterion, ExactFraction factor, decimal multiplier)
{
    public RankedCriterion Criterion { get; } = criterion;

    /// <summary>Weight / maximum points, exactly.</summary>
    public ExactFraction Factor { get; } = factor;

    /// <summary>Factor × the stage's denominator: a whole number (0 when the stage has no decimal numerators).</summary>
    public decimal Multiplier { get; } = multiplier;
}

/// <summary>A stage with its criteria indexed by code and the common denominator of its criteria's terms.</summary>
internal sealed class CompiledStage
{
    /// <summary>
    /// The most a juror's numerator may reach for the stage to add numerators as <c>decimal</c>: far
    /// below its 7.9 × 10^28, so that ten thousand jurors' numerators still add without overflow.
    /// </summary>
    private static readonly BigInteger MaxNumerator = BigInteger.Pow(10, 24);

    public CompiledStage(RankedStage stage)
    {
        Stage = stage;
        var factors = stage.Criteria.Select(c => ExactFraction.From(c.Weight) / ExactFraction.From(c.MaxPoints)).ToArray();
        var denominator = BigInteger.One;
        foreach (var factor in factors)
        {
            denominator = denominator / BigInteger.GreatestCommonDivisor(denominator, factor.Denominator) * factor.Denominator;
        }
        Denominator = denominator;
        var multipliers = factors.Select(f => f.Numerator * (denominator / f.Denominator)).ToArray();
        var reach = stage.Criteria.Select((c, j) => multipliers[j] * new BigInteger(decimal.Ceiling(c.MaxPoints))).Aggregate(BigInteger.Zero, (a, b) => a + b);
        HasDecimalNumerators = reach <= MaxNumerator;
        Criteria = [.. stage.Criteria.Select((c, j) => new CompiledCriterion(c, factors[j], HasDecimalNumerators ? (decimal)multipliers[j] : 0m))];
        Tables = [.. Criteria.Select(c => HasDecimalNumerators && c.Criterion.MaxPoints <= MaxTabled && decimal.IsInteger(c.Criterion.MaxPoints)
            ? Enumerable.Range(0, (2 * (int)c.Criterion.MaxPoints) + 1).Select(halves => halves * c.Multiplier / 2m).ToArray()
            : null)];
        CriterionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Criteria.Length; i++)
        {
            CriterionIndex[stage.Criteria[i].Code] = i;
        }
    }

    public RankedStage Stage { get; }

    public CompiledCriterion[] Criteria { get; }

    /// <summary>The least common multiple of the denominators of the criteria's weight / maximum.</summary>
    public BigInteger Denominator { get; }

    /// <summary>
    /// Whether a juror's numerator (Σ points × multiplier) fits a <c>decimal</c> with room to add
    /// many; when not (huge denominators), every total of the stage is computed as a fraction.
    /// </summary>
    public bool HasDecimalNumerators { get; }

    /// <summary>
    /// Per criterion with whole maximum points (when the stage has decimal numerators), the numerator
    /// of each number of half points (index 2 × points, 0..2 × maximum): looking one up costs a
    /// third of a decimal multiplication and comparison, paid per point. Exact: half a whole number.
    /// </summary>
    public decimal[]?[] Tables { get; }

    private const int MaxTabled = 1_000;

    public Dictionary<string, int> CriterionIndex { get; }

    /// <summary>A juror's exact total from points in the stage's criterion order (the slow, always exact path).</summary>
    public ExactFraction Total(ReadOnlySpan<decimal> points)
    {
        var total = ExactFraction.Zero;
        for (var j = 0; j < Criteria.Length; j++)
        {
            total += Criteria[j].Factor * ExactFraction.From(points[j]);
        }
        return total;
    }
}

/// <summary>
/// The contest's rules checked for coherence (unique codes, weights summing to 100, no negative
/// amount, tie-breakers naming stages and criteria that exist) and indexed for one ranking.
/// </summary>
internal sealed class CompiledRules
{
    private CompiledRules(ResultsRules rules, CompiledStage[] stages, Dictionary<string, int> stageIndex, Dictionary<string, int> categoryIndex)
    {
        Rules = rules;
        Stages = stages;
        StageIndex = stageIndex;
        CategoryIndex = categoryIndex;
        TieBreakers = [.. rules.TieBreakers.Select(Resolve)];
        StageNames = [.. rules.Stages.Select(s => s.Name)];
        PassMarkText = ResultExplanations.Mark(rules.PassMark);
        PartialMinimumText = ResultExplanations.Mark(rules.PartialAwardMinimumPercent ?? 0m);
        MinimumAttendanceText = ResultExplanations.Mark(rules.MinimumAttendancePercent ?? 0m);
        TieBreakerNames = [.. TieBreakers.Select(t => ResultExplanations.TieBreaker(
            t.Rule.Kind, t.Stage >= 0 ? stages[t.Stage].Stage.Name : null, t.Criterion >= 0 ? stages[t.Stage].Stage.Criteria[t.Criterion].Name : null))];
    }

    /// <summary>The pass mark as the explanations write it ("70"): formatted once, not once per profile.</summary>
    public string PassMarkText { get; }

    /// <summary>PartialLast's minimum share as the explanations write it ("30"), formatted once.</summary>
    public string PartialMinimumText { get; }

    /// <summary>The minimum share of households present at the field evaluation as the explanations write it ("50").</summary>
    public string MinimumAttendanceText { get; }

    /// <summary>How each tie-breaker reads in a note ("mayor puntaje en la etapa …").</summary>
    public string[] TieBreakerNames { get; }

    /// <summary>The index of the stage with this code, or −1; a plain search for the usual two or three stages.</summary>
    public int FindStage(string? code)
    {
        if (code is null)
        {
            return -1;
        }
        if (Stages.Length > 4)
        {
            return StageIndex.TryGetValue(code, out var found) ? found : -1;
        }
        for (var s = 0; s < Stages.Length; s++)
        {
            if (string.Equals(Stages[s].Stage.Code, code, StringComparison.Ordinal))
            {
                return s;
            }
        }
        return -1;
    }

    public string[] StageNames { get; }

    public ResultsRules Rules { get; }

    public CompiledStage[] Stages { get; }

    public Dictionary<string, int> StageIndex { get; }

    public Dictionary<string, int> CategoryIndex { get; }

    /// <summary>Each tie-breaker with the stage and criterion it names resolved to indexes (−1 when it names none).</summary>
    public (TieBreakerRule Rule, int Stage, int Criterion)[] TieBreakers { get; }

    public static CompiledRules From(ResultsRules? rules)
    {
        if (rules is null || rules.Stages is null || rules.Categories is null || rules.PriorityRules is null || rules.TieBreakers is null)
        {
            throw new ResultsInputException("The rules are missing, or one of their lists (stages, categories, priority rules, tie-breakers) is.");
        }
        if (!Enum.IsDefined(rules.Aggregation) || !Enum.IsDefined(rules.Allocation))
        {
            throw new ResultsInputException("The rules name an unknown score aggregation or allocation policy.");
        }
        CheckRange(rules.PassMark, 0m, 100m, "The pass mark");
        if (rules.PartialAwardMinimumPercent is { } minimum)
        {
            CheckRange(minimum, 0m, 100m, "The partial award's minimum percentage");
        }
        if (rules.MinimumAttendancePercent is { } attendance)
        {
            CheckRange(attendance, 0m, 100m, "The minimum share of households present at the field evaluation");
        }
        var stageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var stages = new CompiledStage[rules.Stages.Count];
        for (var s = 0; s < stages.Length; s++)
        {
            var stage = rules.Stages[s] ?? throw new ResultsInputException($"Stage number {s + 1} is missing.");
            if (string.IsNullOrEmpty(stage.Code) || !stageIndex.TryAdd(stage.Code, s))
            {
                throw new ResultsInputException($"Stage code '{stage.Code}' is empty or appears twice.");
            }
            CheckStage(stage);
            stages[s] = new CompiledStage(stage);
        }
        CheckSum(rules.Stages.Sum(s => s.Weight), "The stages' weights");
        var categoryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < rules.Categories.Count; c++)
        {
            var category = rules.Categories[c] ?? throw new ResultsInputException($"Category number {c + 1} is missing.");
            if (string.IsNullOrEmpty(category.Code) || !categoryIndex.TryAdd(category.Code, c))
            {
                throw new ResultsInputException($"Category code '{category.Code}' is empty or appears twice.");
            }
            if (category.Budget < 0 || category.MaxAward < 0)
            {
                throw new ResultsInputException($"Category {category.Code} has a negative budget or maximum award.");
            }
        }
        foreach (var priority in rules.PriorityRules)
        {
            if (priority is null || !Enum.IsDefined(priority.Kind) || priority.ThresholdPercent is < 0 or > 100 || priority.BonusPoints < 0)
            {
                throw new ResultsInputException("A priority rule has an unknown kind, a threshold outside 0..100 or negative points.");
            }
        }
        return new CompiledRules(rules, stages, stageIndex, categoryIndex);
    }

    private static void CheckStage(RankedStage stage)
    {
        if (stage.Weight < 0 || stage.RequiredScorecards < 0)
        {
            throw new ResultsInputException($"Stage {stage.Code} has a negative weight or a negative number of required scorecards.");
        }
        if (stage.Criteria is null || stage.Criteria.Count == 0)
        {
            throw new ResultsInputException($"Stage {stage.Code} has no criteria.");
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in stage.Criteria)
        {
            if (criterion is null || string.IsNullOrEmpty(criterion.Code) || !codes.Add(criterion.Code))
            {
                throw new ResultsInputException($"Stage {stage.Code} has a criterion whose code is empty or appears twice.");
            }
            if (criterion.MaxPoints <= 0 || criterion.Weight < 0)
            {
                throw new ResultsInputException($"Criterion {criterion.Code} of stage {stage.Code} needs maximum points above 0 and a weight of at least 0.");
            }
        }
        CheckSum(stage.Criteria.Sum(c => c.Weight), $"The weights of stage {stage.Code}'s criteria");
    }

    private static void CheckSum(decimal sum, string what)
    {
        if (sum != 100m)
        {
            throw new ResultsInputException($"{what} sum to {sum.ToString(CultureInfo.InvariantCulture)}, not 100.");
        }
    }

    private static void CheckRange(decimal value, decimal min, decimal max, string what)
    {
        if (value < min || value > max)
        {
            throw new ResultsInputException($"{what} is {value.ToString(CultureInfo.InvariantCulture)}, outside {min}..{max}.");
        }
    }

    private (TieBreakerRule, int, int) Resolve(TieBreakerRule? rule, int position)
    {
        var where = $"Tie-breaker number {position + 1}";
        if (rule is null || !Enum.IsDefined(rule.Kind))
        {
            throw new ResultsInputException($"{where} is missing or of an unknown kind.");
        }
        if (rule.Kind is not (TieBreakerKind.HigherStageScore or TieBreakerKind.HigherCriterionMean))
        {
            return (rule, -1, -1);
        }
        if (rule.StageCode is null || !StageIndex.TryGetValue(rule.StageCode, out var stage))
        {
            throw new ResultsInputException($"{where} ({rule.Kind}) names stage '{rule.StageCode}', which the rules do not have.");
        }
        if (rule.Kind == TieBreakerKind.HigherStageScore)
        {
            return (rule, stage, -1);
        }
        return rule.CriterionCode is not null && Stages[stage].CriterionIndex.TryGetValue(rule.CriterionCode, out var criterion)
            ? (rule, stage, criterion)
            : throw new ResultsInputException($"{where} ({rule.Kind}) names criterion '{rule.CriterionCode}', which stage {rule.StageCode} does not have.");
    }
}
