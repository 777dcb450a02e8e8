using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestValidationTests
{
    private static Contest Ready()
    {
        var contest = new ContestBuilder().Build();
        ContestBuilder.MakePublishable(contest);
        return contest;
    }

    private static IEnumerable<string> Rules(Contest contest) => contest.Validate().Select(p => p.Rule);

    [Fact]
    public void A_complete_contest_has_no_problems() => Assert.Empty(Ready().Validate());

    [Fact]
    public void A_bare_contest_lists_every_missing_piece()
    {
        var contest = new ContestBuilder().Build();

        Assert.Equal(
            ["ContestRules.BasesRequired", "ContestRules.NoCategory", "ContestRules.NoEligibleLine", "ContestRules.NoStage"],
            Rules(contest));
    }

    [Theory]
    [InlineData(50, 50, true)]
    [InlineData(50, 49.99, false)]
    [InlineData(50, 50.01, false)]
    [InlineData(30, 70, true)]
    public void Stage_weights_must_sum_to_exactly_100(decimal first, decimal second, bool valid)
    {
        var contest = Ready();
        contest.ReviseStage(contest.Stages[0], "CAMPO", "Campo", first, 3);
        contest.ReviseStage(contest.Stages[1], "PUBLICA", "Pública", second, 3);

        var problem = contest.Validate(ContestSection.Evaluation).SingleOrDefault();

        Assert.Equal(valid, problem is null);
        if (!valid)
        {
            Assert.Equal(("Stages", "ContestRules.StageWeightsSum"), (problem!.Field, problem.Rule));
            Assert.Equal(first + second, problem.Arguments[0]);
        }
    }

    [Fact]
    public void Criterion_weights_within_a_stage_must_sum_to_100()
    {
        var contest = Ready();
        var stage = contest.Stages[1];
        contest.ReviseCriterion(stage, stage.Criteria[1], "C2", "Criterio dos", "", 10, 39);

        var problem = Assert.Single(contest.Validate());

        Assert.Equal(("Stage.PUBLICA.Criteria", "ContestRules.CriterionWeightsSum"), (problem.Field, problem.Rule));
    }

    [Fact]
    public void A_stage_without_criteria_is_a_problem()
    {
        var contest = Ready();
        var stage = contest.Stages[0];
        foreach (var criterion in stage.Criteria.ToList())
        {
            contest.RemoveCriterion(stage, criterion);
        }

        Assert.Equal(["ContestRules.NoCriterion"], Rules(contest));
    }

    [Fact]
    public void A_tie_breaker_naming_a_removed_stage_is_a_problem()
    {
        var contest = Ready();
        contest.SetTieBreakers([new(TieBreakerKind.HigherStageScore, "PUBLICA"), new(TieBreakerKind.HigherCriterionMean, "CAMPO", "C9")]);

        var problems = contest.Validate();

        Assert.Equal(["TieBreaker.2"], problems.Select(p => p.Field));
        contest.RemoveStage(contest.Stages.Single(s => s.Code == "PUBLICA"));
        Assert.Contains(contest.Validate(), p => p.Field == "TieBreaker.1" && p.Rule == "ContestRules.TieBreakerUnknownTarget");
    }

    [Fact]
    public void Tranches_that_do_not_sum_to_100_are_a_problem()
    {
        var contest = Ready();
        contest.PlanDisbursement([new(60, TrancheTrigger.AgreementSigned), new(30, TrancheTrigger.FollowUpApprovedAndAccounted)]);

        Assert.Equal(["ContestRules.TranchesSum"], Rules(contest));
    }

    [Fact]
    public void No_tranche_at_all_is_a_problem()
    {
        var contest = Ready();
        contest.PlanDisbursement([]);

        Assert.Equal(["ContestRules.TranchesSum"], Rules(contest));
    }

    [Fact]
    public void Publishing_with_problems_is_refused_and_the_contest_stays_a_draft()
    {
        var contest = new ContestBuilder().WithCategory("IDEA").Build();

        Assert.Throws<InvalidOperationException>(() => contest.Publish(Instants.Now));
        Assert.Equal(ContestStatus.Draft, contest.Status);
        Assert.Null(contest.PublishedAtUtc);
    }

    [Fact]
    public void An_incoherent_timeline_is_refused_when_rescheduled()
    {
        var contest = Ready();
        var before = contest.Timeline;

        var ex = Assert.Throws<ContestRuleException>(() => contest.Reschedule(before with { SubmissionsCloseAtUtc = before.CallOpensAtUtc }));

        Assert.Equal("ContestRules.TimelineIncoherent", ex.Violation.Rule);
        Assert.Equal(before, contest.Timeline);
    }
}
