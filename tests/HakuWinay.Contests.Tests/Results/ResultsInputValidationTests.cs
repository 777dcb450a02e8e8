using HakuWinay.Contests.Results;
using static HakuWinay.Contests.Tests.Results.ResultsBuilder;

namespace HakuWinay.Contests.Tests.Results;

/// <summary>An incoherent input is refused up front with a message naming what is wrong.</summary>
public sealed class ResultsInputValidationTests
{
    private static void Refused(ResultsInput input, string expected)
    {
        var error = Assert.Throws<ResultsInputException>(() => Ranking.Compute(input));
        Assert.Contains(expected, error.Message);
    }

    private static void Refused(ResultsBuilder builder, string expected) => Refused(builder.Build(), expected);

    [Fact]
    public void Duplicate_profile_codes_are_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001").Profile("AYA-001"), "Profile code 'AYA-001' is empty or appears twice");

    [Fact]
    public void A_profile_in_an_unknown_category_is_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001", category: "X"), "Profile AYA-001 names category X, which the rules do not have");

    [Fact]
    public void A_score_of_an_unknown_profile_is_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001").Totals("AYA-999", Field, 80), "A score names profile 'AYA-999', which the input does not have");

    [Fact]
    public void A_score_in_an_unknown_stage_is_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001").Totals("AYA-001", "X", 80), "A score of profile AYA-001 names stage 'X', which the rules do not have");

    [Fact]
    public void A_score_naming_an_unknown_criterion_is_refused() =>
        Refused(
            new ResultsBuilder().Profile("AYA-001").Score("AYA-001", Field, "J1", ("Q", 80), ("X", 1)),
            "The score of profile AYA-001 by juror J1 in stage FIELD names criterion 'X', which the stage does not have");

    [Fact]
    public void A_score_missing_a_criterions_points_is_refused() =>
        Refused(
            new ResultsBuilder().Stage("S", 100, 1, Criterion("A", 10, 50), Criterion("B", 10, 50)).Profile("AYA-001").Score("AYA-001", "S", "J1", ("A", 5)),
            "The score of profile AYA-001 by juror J1 in stage S has no points for criterion B");

    [Fact]
    public void A_score_giving_a_criterion_points_twice_is_refused() =>
        Refused(
            new ResultsBuilder().Stage("S", 100, 1, Criterion("A", 10, 50), Criterion("B", 10, 50)).Profile("AYA-001").Score("AYA-001", "S", "J1", ("A", 5), ("A", 6)),
            "gives criterion A points twice");

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Points_outside_zero_to_the_maximum_are_refused(double points) =>
        Refused(new ResultsBuilder().Profile("AYA-001").Score("AYA-001", Field, "J1", ("Q", (decimal)points)), "outside 0..100");

    [Fact]
    public void Two_scorecards_of_one_juror_for_a_profile_and_stage_are_refused() =>
        Refused(
            new ResultsBuilder().Profile("AYA-001").Score("AYA-001", Field, "J1", ("Q", 80)).Score("AYA-001", Field, "J1", ("Q", 70)),
            "The score of profile AYA-001 by juror J1 in stage FIELD is the second scorecard of this juror for this profile and stage");

    [Fact]
    public void Stage_weights_not_summing_to_100_are_refused() =>
        Refused(new ResultsBuilder().Stage(Field, 50).Stage(Public, 40), "The stages' weights sum to 90, not 100");

    [Fact]
    public void Criterion_weights_not_summing_to_100_are_refused() =>
        Refused(new ResultsBuilder().Stage("S", 100, 1, Criterion("A", 10, 50), Criterion("B", 10, 60)), "The weights of stage S's criteria sum to 110, not 100");

    [Fact]
    public void A_negative_budget_is_refused() =>
        Refused(new ResultsBuilder().Budget(-1m), "Category IDEA has a negative budget or maximum award");

    [Fact]
    public void A_negative_fund_request_is_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001", -7_500m), "Profile AYA-001 asks for a negative amount");

    [Fact]
    public void Group_counts_above_the_households_are_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001", group: new GroupFacts(4, 5, 0, 0)), "Profile AYA-001's group facts are missing or incoherent");

    [Fact]
    public void An_acceptance_of_an_unknown_stage_is_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001", accepted: new IncompleteAcceptance("X", "motivo")), "Profile AYA-001 is accepted incomplete in stage X");

    [Fact]
    public void An_acceptance_without_a_reason_is_refused() =>
        Refused(new ResultsBuilder().Profile("AYA-001", accepted: new IncompleteAcceptance(Field, " ")), "without a reason");

    [Fact]
    public void Two_acceptances_of_one_stage_are_refused() =>
        Refused(
            new ResultsBuilder().Profile("AYA-001", accepted: [new IncompleteAcceptance(Field, "uno"), new IncompleteAcceptance(Field, "dos")]),
            "Profile AYA-001 is accepted incomplete in stage FIELD twice");

    [Fact]
    public void A_criterion_with_no_maximum_is_refused() =>
        Refused(new ResultsBuilder().Stage("S", 100, 1, Criterion("A", 0, 100)), "Criterion A of stage S needs maximum points above 0");

    [Fact]
    public void Duplicate_stage_and_category_codes_are_refused()
    {
        Refused(new ResultsBuilder().Stage(Field, 50).Stage(Field, 50), "Stage code 'FIELD' is empty or appears twice");
        Refused(new ResultsBuilder().Category(Idea, 1).Category(Idea, 1), "Category code 'IDEA' is empty or appears twice");
    }

    [Fact]
    public void A_pass_mark_outside_0_to_100_is_refused() =>
        Refused(new ResultsBuilder().PassMark(101), "The pass mark is 101, outside 0..100");
}
