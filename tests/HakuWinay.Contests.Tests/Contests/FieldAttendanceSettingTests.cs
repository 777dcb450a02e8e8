using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

/// <summary>The contest's minimum share of households present at the field evaluation (issue 17).</summary>
public sealed class FieldAttendanceSettingTests
{
    private static Contest NewContest() => new("AYA-2026-09", "Concurso", "05", new ContestBuilder().Timeline(), 70m, Instants.Now);

    [Fact]
    public void A_new_contest_checks_half_of_the_households_by_default()
    {
        Assert.Equal(50m, NewContest().Evaluation.MinimumAttendancePercent);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void A_minimum_outside_0_to_100_is_refused_and_nothing_changes(decimal minimum)
    {
        var contest = NewContest();

        var refused = Assert.Throws<ContestRuleException>(() => contest.ConfigureEvaluation(contest.Evaluation with { MinimumAttendancePercent = minimum }));

        Assert.Equal(("Evaluation.MinimumAttendancePercent", "ContestRules.AttendanceRange"), (refused.Violation.Field, refused.Violation.Rule));
        Assert.Equal(50m, contest.Evaluation.MinimumAttendancePercent);
    }

    [Fact]
    public void Zero_switches_the_check_off_and_100_requires_everyone()
    {
        var contest = NewContest();

        contest.ConfigureEvaluation(contest.Evaluation with { MinimumAttendancePercent = 0m });
        Assert.Equal(0m, contest.Evaluation.MinimumAttendancePercent);
        contest.ConfigureEvaluation(contest.Evaluation with { MinimumAttendancePercent = 100m });
        Assert.Equal(100m, contest.Evaluation.MinimumAttendancePercent);
    }
}
