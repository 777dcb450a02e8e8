using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestTransitionTests
{
    private static readonly DateTime Now = Instants.Now;

    /// <summary>A contest whose call is open now and closes in a day, taken to <paramref name="status"/>.</summary>
    private static Contest In(ContestStatus status)
    {
        var contest = new ContestBuilder(Now).OpenFor(TimeSpan.FromDays(1)).Build();
        if (status == ContestStatus.Draft)
        {
            return contest;
        }
        ContestBuilder.MakePublishable(contest);
        contest.Publish(Now);
        var afterDeadline = Now.AddDays(2);
        if (status == ContestStatus.Open)
        {
            return contest;
        }
        contest.SyncWithClock(afterDeadline);
        foreach (var (step, reached) in new[]
                 {
                     (ContestTransition.StartEvaluation, ContestStatus.Evaluation), (ContestTransition.PublishResults, ContestStatus.ResultsPublished),
                     (ContestTransition.StartExecution, ContestStatus.Execution), (ContestTransition.Archive, ContestStatus.Archived),
                 })
        {
            if (contest.Status == status)
            {
                break;
            }
            contest.Advance(step, afterDeadline);
            Assert.Equal(reached, contest.Status);
        }
        Assert.Equal(status, contest.Status);
        return contest;
    }

    public static TheoryData<ContestStatus, ContestTransition?> NextSteps() => new()
    {
        { ContestStatus.Draft, ContestTransition.Publish },
        { ContestStatus.Open, null },
        { ContestStatus.Closed, ContestTransition.StartEvaluation },
        { ContestStatus.Evaluation, ContestTransition.PublishResults },
        { ContestStatus.ResultsPublished, ContestTransition.StartExecution },
        { ContestStatus.Execution, ContestTransition.Archive },
        { ContestStatus.Archived, null },
    };

    [Theory]
    [MemberData(nameof(NextSteps))]
    public void Each_status_offers_only_its_next_manual_step(ContestStatus status, ContestTransition? next)
    {
        var contest = In(status);

        Assert.Equal(next, contest.NextTransition);
        foreach (var other in Enum.GetValues<ContestTransition>().Where(t => t != next))
        {
            Assert.Throws<InvalidOperationException>(() => contest.Advance(other, Now.AddDays(3)));
            Assert.Equal(status, contest.Status);
        }
    }

    [Fact]
    public void Evaluation_cannot_start_before_the_deadline_even_if_the_status_says_closed()
    {
        var contest = In(ContestStatus.Open);

        Assert.Throws<InvalidOperationException>(() => contest.Advance(ContestTransition.StartEvaluation, Now));
        Assert.Equal(ContestStatus.Open, contest.Status);
    }

    [Fact]
    public void Results_are_published_only_from_evaluation()
    {
        var contest = In(ContestStatus.Closed);

        Assert.Throws<InvalidOperationException>(() => contest.Advance(ContestTransition.PublishResults, Now.AddDays(3)));
        contest.Advance(ContestTransition.StartEvaluation, Now.AddDays(3));
        contest.Advance(ContestTransition.PublishResults, Now.AddDays(3));

        Assert.Equal(ContestStatus.ResultsPublished, contest.Status);
    }

    [Fact]
    public void Publishing_through_advance_checks_the_problems_too()
    {
        var contest = new ContestBuilder(Now).Build();

        Assert.Throws<InvalidOperationException>(() => contest.Advance(ContestTransition.Publish, Now));
        Assert.Equal(ContestStatus.Draft, contest.Status);
    }
}
