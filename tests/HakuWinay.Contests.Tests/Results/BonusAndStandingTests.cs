using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using static HakuWinay.Contests.Tests.Results.ResultsBuilder;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>Rule 4 (the priority bonus and the final score) and rule 5 (incomplete profiles), and profiles not scored.</summary>
public sealed class BonusAndStandingTests
{
    private static ResultsBuilder WithPriorities() => new ResultsBuilder()
        .Priority(PriorityKind.WomenHeaded, 60, 3)
        .Priority(PriorityKind.Youth, 25, 1)
        .Priority(PriorityKind.Juntos, 40, 2);

    [Fact]
    public void Bonus_adds_the_points_of_each_priority_rule_the_group_meets()
    {
        // 5 households: 3 women-headed = 60% ≥ 60 (+3); 1 young = 20% < 25; 2 Juntos = 40% ≥ 40 (+2).
        var result = WithPriorities()
            .Profile("AYA-001", group: new GroupFacts(5, 3, 1, 2)).Scored("AYA-001", 75)
            .Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(5.00m, entry.Bonus);
        Assert.Equal(75.00m, entry.EvaluationScore);
        Assert.Equal(80.00m, entry.FinalScore);
    }

    [Fact]
    public void A_share_just_below_the_threshold_gets_no_bonus()
    {
        // 2 of 3 households = 66.666…% < 66.67%: compared exactly, not rounded.
        var result = new ResultsBuilder()
            .Priority(PriorityKind.WomenHeaded, 66.67m, 3)
            .Profile("AYA-001", group: new GroupFacts(3, 2, 0, 0)).Scored("AYA-001", 75)
            .Rank();

        Assert.Equal(0m, result.Entry("AYA-001").Bonus);
    }

    [Fact]
    public void A_group_without_households_has_a_share_of_zero()
    {
        var result = WithPriorities().Profile("AYA-001", group: new GroupFacts(0, 0, 0, 0)).Scored("AYA-001", 75).Rank();

        Assert.Equal(0m, result.Entry("AYA-001").Bonus);
    }

    [Fact]
    public void Final_score_is_capped_at_100()
    {
        var result = WithPriorities().Profile("AYA-001", group: new GroupFacts(5, 5, 5, 5)).Scored("AYA-001", 97.5m).Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(6.00m, entry.Bonus);
        Assert.Equal(100.00m, entry.FinalScore);
    }

    [Fact]
    public void Bonus_never_makes_a_failing_profile_pass()
    {
        var result = WithPriorities().Profile("AYA-001", group: new GroupFacts(5, 3, 0, 2)).Scored("AYA-001", 68).Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(73.00m, entry.FinalScore);
        Assert.False(entry.Passed);
        Assert.Null(entry.Rank);
        Assert.Equal(ResultOutcome.Failed, entry.Outcome);
        Assert.Equal(0m, entry.Award);
    }

    [Fact]
    public void Bonus_orders_the_passed_profiles()
    {
        // AYA-001: 75 + 0 = 75; AYA-002: 73 + 5 = 78.
        var result = WithPriorities()
            .Profile("AYA-001").Scored("AYA-001", 75)
            .Profile("AYA-002", group: new GroupFacts(5, 3, 0, 2)).Scored("AYA-002", 73)
            .Rank();

        Assert.Equal(["AYA-002", "AYA-001"], result.Ranked());
    }

    [Fact]
    public void A_profile_with_fewer_scorecards_than_required_is_incomplete_and_not_ranked()
    {
        var result = new ResultsBuilder()
            .Stage(Field, 50, 1).Stage(Public, 50, 3)
            .Profile("AYA-001").Totals("AYA-001", Field, 80).Totals("AYA-001", Public, 80, 90)
            .Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(ResultOutcome.Incomplete, entry.Outcome);
        Assert.Null(entry.EvaluationScore);
        Assert.Null(entry.FinalScore);
        Assert.Null(entry.Rank);
        Assert.Equal(85.00m, entry.Stages[1].Score);
        Assert.Equal((2, 3, false), (entry.Stages[1].Scorecards, entry.Stages[1].Required, entry.Stages[1].AcceptedIncomplete));
        Assert.Equal(0, result.Category(Idea).Ranked);
    }

    [Fact]
    public void An_accepted_incomplete_stage_is_scored_with_the_scorecards_it_has()
    {
        var result = new ResultsBuilder()
            .Stage(Field, 50, 1).Stage(Public, 50, 3)
            .Profile("AYA-001", accepted: new IncompleteAcceptance(Public, "Un jurado se retiró por enfermedad"))
            .Totals("AYA-001", Field, 80).Totals("AYA-001", Public, 80, 90)
            .Rank();

        var entry = result.Entry("AYA-001");
        Assert.Equal(82.50m, entry.EvaluationScore);
        Assert.Equal(1, entry.Rank);
        Assert.True(entry.Stages[1].AcceptedIncomplete);
        Assert.Contains("La etapa Presentación pública se calificó con 2 de 3 fichas, aceptado por la administración: Un jurado se retiró por enfermedad.", entry.Explanation);
    }

    [Fact]
    public void A_stage_without_any_scorecard_is_incomplete_even_when_accepted()
    {
        var result = new ResultsBuilder()
            .Profile("AYA-001", accepted: new IncompleteAcceptance(Public, "Sin jurado"))
            .Totals("AYA-001", Field, 80)
            .Rank();

        Assert.Equal(ResultOutcome.Incomplete, result.Entry("AYA-001").Outcome);
        Assert.Null(result.Entry("AYA-001").Stages[1].Score);
    }

    [Fact]
    public void Ineligible_and_withdrawn_profiles_are_not_scored_nor_ranked()
    {
        var result = new ResultsBuilder()
            .Profile("AYA-001", standing: ProfileStanding.Ineligible)
            .Profile("AYA-002", standing: ProfileStanding.Withdrawn).Scored("AYA-002", 90)
            .Profile("AYA-003").Scored("AYA-003", 80)
            .Rank();

        Assert.Equal(ResultOutcome.Ineligible, result.Entry("AYA-001").Outcome);
        var withdrawn = result.Entry("AYA-002");
        Assert.Equal(ResultOutcome.Withdrawn, withdrawn.Outcome);
        Assert.Null(withdrawn.EvaluationScore);
        Assert.All(withdrawn.Stages, s => Assert.Null(s.Score));
        Assert.Null(withdrawn.Rank);
        Assert.Equal(["AYA-003"], result.Ranked());
    }
}
