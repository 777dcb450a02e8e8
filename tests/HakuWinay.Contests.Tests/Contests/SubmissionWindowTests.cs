using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class SubmissionWindowTests
{
    // The bases say the call closes on 23 December 2026 at 17:59, Lima time.
    private static readonly DateTime Deadline = Instants.Lima(2026, 12, 23, 17, 59);
    private static readonly DateTime Opening = Instants.Lima(2026, 11, 24, 8, 0);

    private static Contest PublishedContest() =>
        new ContestBuilder(Instants.Now).OpensAt(Opening).ClosesAt(Deadline).Published().Build();

    [Fact]
    public void Deadline_in_lima_is_the_expected_utc_instant()
    {
        Assert.Equal(new DateTime(2026, 12, 23, 22, 59, 0, DateTimeKind.Utc), Deadline);
    }

    [Fact]
    public void Submission_a_millisecond_before_the_deadline_is_accepted()
    {
        var contest = PublishedContest();

        Assert.True(contest.AcceptsSubmissionsAt(new DateTime(2026, 12, 23, 22, 58, 59, 999, DateTimeKind.Utc)));
    }

    [Fact]
    public void Submit_at_the_deadline_is_refused()
    {
        var contest = PublishedContest();

        Assert.False(contest.AcceptsSubmissionsAt(new DateTime(2026, 12, 23, 22, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Submit_after_deadline_is_refused()
    {
        var contest = PublishedContest();

        Assert.False(contest.AcceptsSubmissionsAt(Deadline.AddMinutes(1)));
    }

    [Fact]
    public void Submit_before_the_call_opens_is_refused()
    {
        var contest = PublishedContest();

        Assert.False(contest.AcceptsSubmissionsAt(Opening.AddTicks(-1)));
        Assert.True(contest.AcceptsSubmissionsAt(Opening));
    }

    [Fact]
    public void Submission_is_judged_by_the_clock_even_before_the_status_catches_up()
    {
        var contest = PublishedContest();
        contest.SyncWithClock(Opening.AddDays(1));
        Assert.Equal(ContestStatus.Open, contest.Status);

        // The sweeper has not run since the deadline passed: the stored status still says Open.
        Assert.False(contest.AcceptsSubmissionsAt(Deadline));
    }

    [Fact]
    public void Draft_contest_accepts_no_submission()
    {
        var contest = new ContestBuilder(Instants.Now).OpensAt(Opening).ClosesAt(Deadline).Build();

        Assert.False(contest.AcceptsSubmissionsAt(Opening.AddDays(1)));
    }

    [Fact]
    public void Closed_contest_accepts_no_submission()
    {
        var contest = PublishedContest();
        contest.SyncWithClock(Deadline);

        Assert.False(contest.AcceptsSubmissionsAt(Opening.AddDays(1)));
    }
}
