using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Judging;

/// <summary>A stage's criterion as the scoring rules see it: its code, name, maximum points and weight (of 100).</summary>
public sealed record ScoringCriterion(string Code, string Name, decimal MaxPoints, decimal Weight);

/// <summary>What a juror entered for one criterion; <see cref="Points"/> is null while a draft leaves it empty.</summary>
public sealed record CriterionPoints(string CriterionCode, decimal? Points, string? Comment = null);

/// <summary>
/// The rules one scorecard's points must meet before it is saved as a draft or submitted, and the
/// juror's stage total (issue 5, rule 1). Pure: the caller supplies the stage's criteria and the
/// contest's <see cref="ScoreGranularity"/>. Criterion codes compare case-insensitively, as the
/// contest keeps them unique that way.
/// </summary>
public static class ScoreRules
{
    public const int MaxCriterionCommentLength = 2_000;
    public const int MaxOverallCommentLength = 4_000;

    /// <summary>Rules for saving a draft: what is entered must be valid, but criteria may stay empty.</summary>
    public static IReadOnlyList<RuleViolation> CheckDraft(
        IReadOnlyList<ScoringCriterion> criteria, ScoreGranularity granularity, IEnumerable<CriterionPoints> entries, string? overallComment) =>
        Check(criteria, granularity, entries, overallComment, submitting: false);

    /// <summary>Rules for submitting: a draft's rules, and every criterion scored.</summary>
    public static IReadOnlyList<RuleViolation> CheckSubmission(
        IReadOnlyList<ScoringCriterion> criteria, ScoreGranularity granularity, IEnumerable<CriterionPoints> entries, string? overallComment) =>
        Check(criteria, granularity, entries, overallComment, submitting: true);

    /// <summary>
    /// The violation of one criterion's points (below zero, above its maximum, or off the contest's
    /// step), or null when they are valid. Range comes first: 10.5 of 10 is "above the maximum".
    /// </summary>
    public static RuleViolation? CheckPoints(ScoringCriterion criterion, decimal points, ScoreGranularity granularity)
    {
        var field = PointsField(criterion.Code);
        if (points < 0)
        {
            return new(field, "Scoring.PointsBelowZero", points, criterion.Code);
        }
        if (points > criterion.MaxPoints)
        {
            return new(field, "Scoring.PointsAboveMaximum", points, criterion.MaxPoints, criterion.Code);
        }
        return IsOnStep(points, granularity) ? null : new(field, StepRule(granularity), points, criterion.Code);
    }

    /// <summary>Whole points: 0, 1, 2…; half points: 0, 0.5, 1, 1.5…</summary>
    public static bool IsOnStep(decimal points, ScoreGranularity granularity) => granularity switch
    {
        ScoreGranularity.WholePoints => points % 1m == 0m,
        ScoreGranularity.HalfPoints => points * 2m % 1m == 0m,
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown score granularity."),
    };

    /// <summary>
    /// A juror's stage total: the sum over the stage's criteria of points × weight / maximum points.
    /// With weights summing to 100 it lies in 0..100. Exact (a fraction, issue 17): rounding happens
    /// once, later, where a score is shown or published. Every criterion must have points, and no
    /// other code may appear.
    /// </summary>
    public static ExactFraction ExactStageTotal(IReadOnlyList<ScoringCriterion> criteria, IEnumerable<KeyValuePair<string, decimal>> points)
    {
        var byCode = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in points)
        {
            if (!byCode.TryAdd(code, value))
            {
                throw new ArgumentException($"Two points for criterion {code}.", nameof(points));
            }
        }
        var total = ExactFraction.Zero;
        foreach (var criterion in criteria)
        {
            if (!byCode.Remove(criterion.Code, out var value))
            {
                throw new ArgumentException($"No points for criterion {criterion.Code}.", nameof(points));
            }
            total += ExactFraction.From(value) * criterion.Weight / criterion.MaxPoints;
        }
        return byCode.Count == 0
            ? total
            : throw new ArgumentException($"Points for criteria the stage does not have: {string.Join(", ", byCode.Keys)}.", nameof(points));
    }

    /// <inheritdoc cref="ExactStageTotal(IReadOnlyList{ScoringCriterion}, IEnumerable{KeyValuePair{string, decimal}})"/>
    public static ExactFraction ExactStageTotal(IReadOnlyList<ScoringCriterion> criteria, IEnumerable<CriterionPoints> entries) =>
        ExactStageTotal(criteria, entries.Select(e => KeyValuePair.Create(
            e.CriterionCode, e.Points ?? throw new ArgumentException($"No points for criterion {e.CriterionCode}.", nameof(entries)))));

    /// <summary>The exact total as the nearest decimal, for showing a juror's total (shown rounded to two decimals).</summary>
    public static decimal StageTotal(IReadOnlyList<ScoringCriterion> criteria, IEnumerable<KeyValuePair<string, decimal>> points) =>
        ExactStageTotal(criteria, points).ToDecimal();

    /// <inheritdoc cref="StageTotal(IReadOnlyList{ScoringCriterion}, IEnumerable{KeyValuePair{string, decimal}})"/>
    public static decimal StageTotal(IReadOnlyList<ScoringCriterion> criteria, IEnumerable<CriterionPoints> entries) =>
        ExactStageTotal(criteria, entries).ToDecimal();

    internal static string PointsField(string criterionCode) => $"Criterion.{criterionCode}.Points";

    internal static string StepRule(ScoreGranularity granularity) =>
        granularity == ScoreGranularity.WholePoints ? "Scoring.PointsNotWhole" : "Scoring.PointsNotHalf";

    private static List<RuleViolation> Check(
        IReadOnlyList<ScoringCriterion> criteria, ScoreGranularity granularity, IEnumerable<CriterionPoints> entries, string? overallComment, bool submitting)
    {
        var violations = new List<RuleViolation>();
        var byCode = criteria.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        var scored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var code = entry.CriterionCode ?? "";
            if (!byCode.TryGetValue(code, out var criterion))
            {
                violations.Add(new($"Criterion.{code}", "Scoring.UnknownCriterion", code));
                continue;
            }
            if (!seen.Add(code))
            {
                violations.Add(new($"Criterion.{criterion.Code}", "Scoring.DuplicateCriterion", criterion.Code));
                continue;
            }
            if (entry.Points is { } points)
            {
                scored.Add(code);
                if (CheckPoints(criterion, points, granularity) is { } violation)
                {
                    violations.Add(violation);
                }
            }
            if ((entry.Comment?.Length ?? 0) > MaxCriterionCommentLength)
            {
                violations.Add(new($"Criterion.{criterion.Code}.Comment", "Scoring.CommentTooLong", MaxCriterionCommentLength, criterion.Code));
            }
        }
        if ((overallComment?.Length ?? 0) > MaxOverallCommentLength)
        {
            violations.Add(new("OverallComment", "Scoring.OverallCommentTooLong", MaxOverallCommentLength));
        }
        if (submitting)
        {
            var missing = criteria.Where(c => !scored.Contains(c.Code)).ToList();
            foreach (var criterion in missing)
            {
                violations.Add(new(PointsField(criterion.Code), "Scoring.PointsRequired", criterion.Code, criterion.Name));
            }
            if (missing.Count > 0)
            {
                violations.Add(new("Criteria", "Scoring.CriteriaMissing", string.Join(", ", missing.Select(c => c.Code))));
            }
        }
        return violations;
    }
}
