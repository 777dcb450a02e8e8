using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class ScoreRulesTests
{
    /// <summary>A field stage: C1 of 10 points weighs 40, C2 of 10 weighs 35, C3 of 5 weighs 25.</summary>
    private static readonly IReadOnlyList<ScoringCriterion> Criteria =
    [
        new("C1", "Participación de las familias", 10m, 40m),
        new("C2", "Capacidad de gestión", 10m, 35m),
        new("C3", "Coherencia del plan", 5m, 25m),
    ];

    private static IReadOnlyList<RuleViolation> Draft(ScoreGranularity granularity, params CriterionPoints[] entries) =>
        ScoreRules.CheckDraft(Criteria, granularity, entries, overallComment: null);

    private static IReadOnlyList<RuleViolation> Submit(ScoreGranularity granularity, params CriterionPoints[] entries) =>
        ScoreRules.CheckSubmission(Criteria, granularity, entries, overallComment: null);

    private static CriterionPoints[] Complete(decimal c1 = 7m, decimal c2 = 8m, decimal c3 = 4m) =>
        [new("C1", c1), new("C2", c2), new("C3", c3)];

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Points_at_zero_and_at_the_maximum_are_accepted(int points)
    {
        Assert.Empty(Submit(ScoreGranularity.WholePoints, Complete(c1: points)));
    }

    [Fact]
    public void Half_a_point_over_the_maximum_is_refused_with_the_points_and_the_maximum()
    {
        var violation = Assert.Single(Submit(ScoreGranularity.HalfPoints, Complete(c1: 10.5m)));

        Assert.Equal("Criterion.C1.Points", violation.Field);
        Assert.Equal("Scoring.PointsAboveMaximum", violation.Rule);
        Assert.Equal([10.5m, 10m, "C1"], violation.Arguments);
    }

    [Fact]
    public void Half_a_point_below_zero_is_refused()
    {
        var violation = Assert.Single(Draft(ScoreGranularity.HalfPoints, new CriterionPoints("C2", -0.5m)));

        Assert.Equal("Criterion.C2.Points", violation.Field);
        Assert.Equal("Scoring.PointsBelowZero", violation.Rule);
    }

    [Fact]
    public void Seven_and_a_half_is_refused_when_the_contest_scores_whole_points()
    {
        var violation = Assert.Single(Submit(ScoreGranularity.WholePoints, Complete(c2: 7.5m)));

        Assert.Equal("Criterion.C2.Points", violation.Field);
        Assert.Equal("Scoring.PointsNotWhole", violation.Rule);
    }

    [Fact]
    public void Seven_and_a_half_is_accepted_when_the_contest_scores_half_points()
    {
        Assert.Empty(Submit(ScoreGranularity.HalfPoints, Complete(c2: 7.5m)));
    }

    [Theory]
    [InlineData(ScoreGranularity.HalfPoints)]
    [InlineData(ScoreGranularity.WholePoints)]
    public void A_quarter_point_is_refused_whatever_the_step(ScoreGranularity granularity)
    {
        var violation = Assert.Single(Submit(granularity, Complete(c1: 7.25m)));

        Assert.Equal(ScoreRules.StepRule(granularity), violation.Rule);
    }

    [Fact]
    public void Trailing_zeros_do_not_change_the_step()
    {
        Assert.True(ScoreRules.IsOnStep(7.50m, ScoreGranularity.HalfPoints));
        Assert.True(ScoreRules.IsOnStep(7.000m, ScoreGranularity.WholePoints));
        Assert.False(ScoreRules.IsOnStep(7.0001m, ScoreGranularity.WholePoints));
    }

    [Fact]
    public void A_draft_may_leave_criteria_empty()
    {
        Assert.Empty(Draft(ScoreGranularity.WholePoints, new CriterionPoints("C1", 7m), new CriterionPoints("C2", null, "Pendiente de la visita")));
    }

    [Fact]
    public void A_submission_lists_every_criterion_left_empty()
    {
        var violations = Submit(ScoreGranularity.WholePoints, new CriterionPoints("C1", 7m), new CriterionPoints("C2", null));

        Assert.Equal(["Criterion.C2.Points", "Criterion.C3.Points", "Criteria"], violations.Select(v => v.Field));
        Assert.All(violations.Take(2), v => Assert.Equal("Scoring.PointsRequired", v.Rule));
        Assert.Equal(["C2, C3"], violations[^1].Arguments);
    }

    [Fact]
    public void An_empty_submission_misses_every_criterion()
    {
        var violations = Submit(ScoreGranularity.WholePoints);

        Assert.Equal(3, violations.Count(v => v.Rule == "Scoring.PointsRequired"));
    }

    [Fact]
    public void An_unknown_criterion_code_is_refused_in_a_draft_and_in_a_submission()
    {
        var draft = Assert.Single(Draft(ScoreGranularity.WholePoints, new CriterionPoints("C9", 3m)));
        var submission = Submit(ScoreGranularity.WholePoints, [.. Complete(), new CriterionPoints("C9", 3m)]);

        Assert.Equal(("Criterion.C9", "Scoring.UnknownCriterion"), (draft.Field, draft.Rule));
        Assert.Equal("Scoring.UnknownCriterion", Assert.Single(submission).Rule);
    }

    [Fact]
    public void Criterion_codes_match_whatever_their_case()
    {
        Assert.Empty(Submit(ScoreGranularity.WholePoints, new CriterionPoints("c1", 7m), new CriterionPoints("c2", 8m), new CriterionPoints("C3", 4m)));
    }

    [Fact]
    public void The_same_criterion_twice_is_refused()
    {
        var violation = Assert.Single(Draft(ScoreGranularity.WholePoints, new CriterionPoints("C1", 7m), new CriterionPoints("c1", 8m)));

        Assert.Equal("Scoring.DuplicateCriterion", violation.Rule);
    }

    [Fact]
    public void Comments_up_to_their_limits_are_accepted_and_one_character_more_is_refused()
    {
        var atLimit = ScoreRules.CheckSubmission(Criteria, ScoreGranularity.WholePoints,
            [new("C1", 7m, new string('a', ScoreRules.MaxCriterionCommentLength)), new("C2", 8m), new("C3", 4m)],
            new string('b', ScoreRules.MaxOverallCommentLength));
        var overLimit = ScoreRules.CheckSubmission(Criteria, ScoreGranularity.WholePoints,
            [new("C1", 7m, new string('a', ScoreRules.MaxCriterionCommentLength + 1)), new("C2", 8m), new("C3", 4m)],
            new string('b', ScoreRules.MaxOverallCommentLength + 1));

        Assert.Empty(atLimit);
        Assert.Equal(["Criterion.C1.Comment", "OverallComment"], overLimit.Select(v => v.Field));
        Assert.Equal(["Scoring.CommentTooLong", "Scoring.OverallCommentTooLong"], overLimit.Select(v => v.Rule));
    }

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var violations = Submit(ScoreGranularity.WholePoints, new CriterionPoints("C1", 11m), new CriterionPoints("C2", 7.5m), new CriterionPoints("X", 1m));

        Assert.Equal(["Scoring.PointsAboveMaximum", "Scoring.PointsNotWhole", "Scoring.UnknownCriterion", "Scoring.PointsRequired", "Scoring.CriteriaMissing"],
            violations.Select(v => v.Rule));
    }

    [Fact]
    public void The_violation_reads_in_spanish()
    {
        var violation = Assert.Single(Submit(ScoreGranularity.WholePoints, Complete(c2: 12m)));

        Assert.Equal("El puntaje 12 supera el máximo 10 del criterio C2.", ScoreSheetCsvMessages.Spanish(violation));
    }

    [Fact]
    public void The_stage_total_weighs_each_criterion_by_its_maximum()
    {
        // 7 × 40 / 10 = 28; 8 × 35 / 10 = 28; 4 × 25 / 5 = 20; total 76.
        Assert.Equal(76m, ScoreRules.StageTotal(Criteria, Complete()));
    }

    [Fact]
    public void Full_and_empty_scorecards_total_exactly_one_hundred_and_zero()
    {
        Assert.Equal(100m, ScoreRules.StageTotal(Criteria, Complete(10m, 10m, 5m)));
        Assert.Equal(0m, ScoreRules.StageTotal(Criteria, Complete(0m, 0m, 0m)));
    }

    [Fact]
    public void The_stage_total_keeps_full_decimal_precision()
    {
        // Three criteria of 3 points: 1 × 33.33 / 3 + 2 × 33.33 / 3 + 2.5 × 33.34 / 3
        //   = 11.11 + 22.22 + 27.7833… = 61.1133…, not rounded to cents.
        IReadOnlyList<ScoringCriterion> thirds = [new("A", "A", 3m, 33.33m), new("B", "B", 3m, 33.33m), new("C", "C", 3m, 33.34m)];

        var total = ScoreRules.StageTotal(thirds, new Dictionary<string, decimal> { ["A"] = 1m, ["B"] = 2m, ["C"] = 2.5m });

        Assert.Equal(11.11m + 22.22m + (83.35m / 3m), total);
        Assert.Equal(61.113333333333333333333333333m, total, 25);
    }

    [Fact]
    public void A_stage_total_needs_every_criterion_and_no_other()
    {
        Assert.Throws<ArgumentException>(() => ScoreRules.StageTotal(Criteria, Complete().Take(2)));
        Assert.Throws<ArgumentException>(() => ScoreRules.StageTotal(Criteria, [.. Complete(), new CriterionPoints("C9", 1m)]));
        Assert.Throws<ArgumentException>(() => ScoreRules.StageTotal(Criteria, [.. Complete().Take(2), new CriterionPoints("C3", null)]));
        Assert.Throws<ArgumentException>(() => ScoreRules.StageTotal(Criteria, [.. Complete(), new CriterionPoints("c1", 1m)]));
    }
}
