using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestLifecycleTests
{
    private static readonly DateTime Now = Instants.Now;

    [Fact]
    public void New_contest_is_a_draft()
    {
        var contest = new ContestBuilder(Now).WithCode("  HW-2026-AYA  ").Build();

        Assert.Equal(ContestStatus.Draft, contest.Status);
        Assert.Null(contest.PublishedAtUtc);
        Assert.Equal("HW-2026-AYA", contest.Code);
    }

    [Fact]
    public void Publishing_a_draft_announces_the_call()
    {
        var contest = new ContestBuilder(Now).Build();

        ContestBuilder.MakePublishable(contest);
        contest.Publish(Now);

        Assert.Equal(ContestStatus.Published, contest.Status);
        Assert.Equal(Now, contest.PublishedAtUtc);
    }

    [Fact]
    public void Publishing_after_the_call_opened_opens_it_at_once()
    {
        var contest = new ContestBuilder(Now).OpenFor(TimeSpan.FromDays(10)).Build();

        ContestBuilder.MakePublishable(contest);
        contest.Publish(Now);

        Assert.Equal(ContestStatus.Open, contest.Status);
    }

    [Fact]
    public void Publishing_after_the_deadline_closes_it_at_once()
    {
        var contest = new ContestBuilder(Now).OpensAt(Now.AddDays(-30)).ClosesAt(Now.AddDays(-1)).Build();

        ContestBuilder.MakePublishable(contest);
        contest.Publish(Now);

        Assert.Equal(ContestStatus.Closed, contest.Status);
    }

    [Fact]
    public void Publishing_twice_is_refused()
    {
        var contest = new ContestBuilder(Now).Published().Build();

        Assert.Throws<InvalidOperationException>(() => contest.Publish(Now.AddHours(1)));
        Assert.Equal(Now, contest.PublishedAtUtc);
    }

    [Fact]
    public void Publishing_an_open_contest_is_refused()
    {
        var contest = new ContestBuilder(Now).OpenFor(TimeSpan.FromDays(10)).Published().Build();

        Assert.Throws<InvalidOperationException>(() => contest.Publish(Now));
        Assert.Equal(ContestStatus.Open, contest.Status);
    }

    [Fact]
    public void Call_opens_at_exactly_its_opening_instant()
    {
        var opensAt = Now.AddDays(1);
        var contest = new ContestBuilder(Now).OpensAt(opensAt).Published().Build();

        Assert.False(contest.SyncWithClock(opensAt.AddTicks(-1)));
        Assert.Equal(ContestStatus.Published, contest.Status);

        Assert.True(contest.SyncWithClock(opensAt));
        Assert.Equal(ContestStatus.Open, contest.Status);
    }

    [Fact]
    public void Call_closes_at_exactly_its_deadline()
    {
        var closesAt = Now.AddDays(30);
        var contest = new ContestBuilder(Now).ClosesAt(closesAt).Published().Build();
        contest.SyncWithClock(Now.AddDays(2));

        Assert.False(contest.SyncWithClock(closesAt.AddTicks(-1)));
        Assert.Equal(ContestStatus.Open, contest.Status);

        Assert.True(contest.SyncWithClock(closesAt));
        Assert.Equal(ContestStatus.Closed, contest.Status);
    }

    [Fact]
    public void Clock_that_missed_the_whole_call_closes_a_published_contest()
    {
        var contest = new ContestBuilder(Now).Published().Build();

        Assert.True(contest.SyncWithClock(Now.AddDays(60)));

        Assert.Equal(ContestStatus.Closed, contest.Status);
    }

    [Fact]
    public void Clock_does_not_open_a_draft()
    {
        var contest = new ContestBuilder(Now).Build();

        Assert.False(contest.SyncWithClock(Now.AddDays(2)));
        Assert.Equal(ContestStatus.Draft, contest.Status);
    }

    [Fact]
    public void Clock_does_not_reopen_a_closed_contest()
    {
        var contest = new ContestBuilder(Now).Published().Build();
        contest.SyncWithClock(Now.AddDays(60));

        Assert.False(contest.SyncWithClock(Now.AddDays(2)));
        Assert.Equal(ContestStatus.Closed, contest.Status);
    }

    [Fact]
    public void Syncing_twice_at_the_same_instant_changes_nothing_the_second_time()
    {
        var contest = new ContestBuilder(Now).Published().Build();

        Assert.True(contest.SyncWithClock(Now.AddDays(2)));
        Assert.False(contest.SyncWithClock(Now.AddDays(2)));
        Assert.Equal(ContestStatus.Open, contest.Status);
    }
}
