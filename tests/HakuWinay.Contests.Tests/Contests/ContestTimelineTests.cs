namespace HakuWinay.Contests.Tests.Contests;

public sealed class ContestTimelineTests
{
    private static readonly DateTime Now = Instants.Now;

    [Fact]
    public void Timeline_in_the_order_of_a_clar_contest_is_coherent()
    {
        Assert.True(new ContestBuilder(Now).Timeline().IsCoherent);
    }

    [Fact]
    public void Timeline_with_only_the_call_dates_is_coherent()
    {
        Assert.True(new ContestBuilder(Now).WithoutEvaluationDates().Timeline().IsCoherent);
    }

    [Fact]
    public void Call_that_closes_before_it_opens_is_incoherent()
    {
        Assert.False(new ContestBuilder(Now).OpensAt(Now.AddDays(10)).ClosesAt(Now.AddDays(9)).Timeline().IsCoherent);
    }

    [Fact]
    public void Call_that_closes_the_instant_it_opens_is_incoherent()
    {
        Assert.False(new ContestBuilder(Now).OpensAt(Now.AddDays(10)).ClosesAt(Now.AddDays(10)).Timeline().IsCoherent);
    }

    [Fact]
    public void Field_evaluation_before_the_deadline_is_incoherent()
    {
        var timeline = new ContestBuilder(Now).Timeline() with { FieldEvaluationStartsAtUtc = Now.AddDays(29) };

        Assert.False(timeline.IsCoherent);
    }

    [Fact]
    public void Field_evaluation_starting_at_the_deadline_is_coherent()
    {
        var builder = new ContestBuilder(Now);
        var timeline = builder.Timeline() with { FieldEvaluationStartsAtUtc = builder.Timeline().SubmissionsCloseAtUtc };

        Assert.True(timeline.IsCoherent);
    }

    [Fact]
    public void Field_evaluation_that_ends_before_it_starts_is_incoherent()
    {
        var timeline = new ContestBuilder(Now).Timeline() with
        {
            FieldEvaluationStartsAtUtc = Now.AddDays(40),
            FieldEvaluationEndsAtUtc = Now.AddDays(39),
        };

        Assert.False(timeline.IsCoherent);
    }

    [Fact]
    public void Field_evaluation_ending_before_the_deadline_is_incoherent()
    {
        var timeline = new ContestBuilder(Now).Timeline() with
        {
            FieldEvaluationStartsAtUtc = null,
            FieldEvaluationEndsAtUtc = Now.AddDays(20),
        };

        Assert.False(timeline.IsCoherent);
    }

    [Fact]
    public void Public_session_before_the_field_evaluation_ends_is_incoherent()
    {
        // The CLAR hears the groups after the field evaluators have visited every one of them.
        var timeline = new ContestBuilder(Now).Timeline() with { PublicSessionAtUtc = Now.AddDays(40) };

        Assert.False(timeline.IsCoherent);
    }

    [Fact]
    public void Public_session_before_the_deadline_is_incoherent()
    {
        var timeline = new ContestBuilder(Now).WithoutEvaluationDates().Timeline() with { PublicSessionAtUtc = Now.AddDays(10) };

        Assert.False(timeline.IsCoherent);
    }

    [Fact]
    public void Results_before_the_public_session_are_incoherent()
    {
        var timeline = new ContestBuilder(Now).Timeline() with { ResultsAtUtc = Now.AddDays(49) };

        Assert.False(timeline.IsCoherent);
    }

    [Fact]
    public void Results_announced_at_the_public_session_are_coherent()
    {
        var timeline = new ContestBuilder(Now).Timeline() with { PublicSessionAtUtc = Now.AddDays(50), ResultsAtUtc = Now.AddDays(50) };

        Assert.True(timeline.IsCoherent);
    }
}
