using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Tests.Contests;

public sealed class DeadlineExtensionTests
{
    private static readonly DateTime Now = Instants.Now;
    private static readonly DateTime Deadline = Instants.Lima(2026, 12, 1, 17, 59);

    private static Contest Open() =>
        new ContestBuilder(Now).OpensAt(Now.AddDays(-1)).ClosesAt(Deadline).WithoutEvaluationDates().Published().Build();

    [Fact]
    public void An_open_call_gets_a_later_deadline_with_its_reason()
    {
        var contest = Open();
        var newDeadline = Deadline.AddDays(7);

        var extension = contest.ExtendDeadline(newDeadline, "  Lluvias cortaron la carretera  ", Now);

        Assert.Equal(newDeadline, contest.Timeline.SubmissionsCloseAtUtc);
        Assert.Equal(new DeadlineExtension(Deadline, newDeadline, ContestStatus.Open, ContestStatus.Open, "Lluvias cortaron la carretera"), extension);
    }

    [Fact]
    public void A_closed_call_reopens_when_the_new_deadline_is_in_the_future()
    {
        var contest = Open();
        var afterDeadline = Deadline.AddHours(1);
        contest.SyncWithClock(afterDeadline);
        Assert.Equal(ContestStatus.Closed, contest.Status);

        var extension = contest.ExtendDeadline(afterDeadline.AddDays(3), "Paro agrario", afterDeadline);

        Assert.Equal(ContestStatus.Open, contest.Status);
        Assert.Equal((ContestStatus.Closed, ContestStatus.Open), (extension.PreviousStatus, extension.NewStatus));
        Assert.True(contest.AcceptsSubmissionsAt(afterDeadline.AddMinutes(1)));
    }

    [Fact]
    public void A_new_deadline_already_past_is_refused_even_if_later_than_the_old_one()
    {
        var contest = Open();
        var now = Deadline.AddDays(2);
        contest.SyncWithClock(now);

        var ex = Assert.Throws<ContestRuleException>(() => contest.ExtendDeadline(Deadline.AddDays(1), "Motivo", now));

        Assert.Equal(("NewDeadline", "ContestRules.ExtensionNotLater"), (ex.Violation.Field, ex.Violation.Rule));
        Assert.Equal(ContestStatus.Closed, contest.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_deadline_that_is_not_later_is_refused(int minutes)
    {
        var contest = Open();

        Assert.Throws<ContestRuleException>(() => contest.ExtendDeadline(Deadline.AddMinutes(minutes), "Motivo", Now));
        Assert.Equal(Deadline, contest.Timeline.SubmissionsCloseAtUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reason_is_required(string reason)
    {
        var ex = Assert.Throws<ContestRuleException>(() => Open().ExtendDeadline(Deadline.AddDays(1), reason, Now));

        Assert.Equal("Reason", ex.Violation.Field);
    }

    [Fact]
    public void A_reason_over_1000_characters_is_refused() =>
        Assert.Throws<ContestRuleException>(() => Open().ExtendDeadline(Deadline.AddDays(1), new string('a', 1001), Now));

    [Fact]
    public void A_deadline_past_the_field_evaluation_start_is_refused()
    {
        var contest = new ContestBuilder(Now).OpenFor(TimeSpan.FromDays(30)).Published().Build();
        var fieldStarts = contest.Timeline.FieldEvaluationStartsAtUtc!.Value;

        var ex = Assert.Throws<ContestRuleException>(() => contest.ExtendDeadline(fieldStarts.AddMinutes(1), "Motivo", Now));

        Assert.Equal("ContestRules.ExtensionAfterLaterDates", ex.Violation.Rule);
        contest.ExtendDeadline(fieldStarts, "Motivo", Now);
        Assert.Equal(fieldStarts, contest.Timeline.SubmissionsCloseAtUtc);
    }

    [Fact]
    public void A_draft_or_a_contest_in_evaluation_cannot_be_extended()
    {
        var draft = new ContestBuilder(Now).Build();
        var evaluating = Open();
        evaluating.SyncWithClock(Deadline.AddMinutes(1));
        evaluating.Advance(ContestTransition.StartEvaluation, Deadline.AddMinutes(1));

        Assert.Throws<ContestRuleException>(() => draft.ExtendDeadline(Deadline.AddDays(60), "Motivo", Now));
        Assert.Throws<ContestRuleException>(() => evaluating.ExtendDeadline(Deadline.AddDays(60), "Motivo", Deadline.AddMinutes(2)));
    }

    [Fact]
    public void After_publication_the_call_dates_move_only_by_extension_but_later_dates_may_be_rescheduled()
    {
        var contest = new ContestBuilder(Now).OpenFor(TimeSpan.FromDays(30)).Published().Build();
        var timeline = contest.Timeline;

        Assert.Throws<ContestRuleException>(() => contest.Reschedule(timeline with { SubmissionsCloseAtUtc = timeline.SubmissionsCloseAtUtc.AddDays(1) }));
        Assert.Throws<ContestRuleException>(() => contest.Reschedule(timeline with { CallOpensAtUtc = timeline.CallOpensAtUtc.AddDays(-1) }));
        contest.Reschedule(timeline with { PublicSessionAtUtc = timeline.PublicSessionAtUtc!.Value.AddDays(3), ResultsAtUtc = timeline.ResultsAtUtc!.Value.AddDays(3) });

        Assert.Equal(timeline.PublicSessionAtUtc.Value.AddDays(3), contest.Timeline.PublicSessionAtUtc);
    }
}
