using HakuWinay.Contests.FollowUp;
using static HakuWinay.Contests.Tests.Disbursements.AwardBuilder;

namespace HakuWinay.Contests.Tests.FollowUp;

public sealed class AwardVisitStateTests
{
    private static VisitReport Report(DateOnly? on = null, VisitRating rating = VisitRating.Satisfactory, IReadOnlyList<VisitLineProgressInput>? progress = null) =>
        new(on ?? Today, 14, 2_350.50m, 4, "**Cuyes** en buen estado.", rating, progress ?? [new(7, 60, "Galpón techado")]);

    /// <summary>The first visit of an award whose first tranche was paid 40 days ago: due 10 days ago.</summary>
    private static AwardVisit Scheduled() => FirstPaid(paidOn: Today.AddDays(-40)).Visits[0];

    private static AwardVisit In(VisitStatus status)
    {
        if (status == VisitStatus.Planned)
        {
            return New().Visits[0];
        }
        var visit = Scheduled();
        switch (status)
        {
            case VisitStatus.Overdue:
                Assert.True(visit.MarkOverdueIfLate(Today, Now));
                break;
            case VisitStatus.Submitted:
                visit.Submit(Report(), [7], "tech-1", Now, Today);
                break;
            case VisitStatus.SentBack:
                visit.Submit(Report(), [7], "tech-1", Now, Today);
                visit.SendBack("Faltan las fotos del galpón.", "admin-1", Now);
                break;
            case VisitStatus.Approved:
                visit.Submit(Report(), [7], "tech-1", Now, Today);
                visit.Approve("admin-1", Now);
                break;
        }
        Assert.Equal(status, visit.Status);
        return visit;
    }

    public static TheoryData<VisitStatus> All() => new(Enum.GetValues<VisitStatus>());

    [Theory]
    [MemberData(nameof(All))]
    public void A_report_is_filed_only_while_the_visit_is_scheduled_overdue_or_sent_back(VisitStatus status)
    {
        var visit = In(status);
        var open = status is VisitStatus.Scheduled or VisitStatus.Overdue or VisitStatus.SentBack;

        if (open)
        {
            visit.Submit(Report(), [7], "tech-1", Now, Today);
            Assert.Equal(VisitStatus.Submitted, visit.Status);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => visit.Submit(Report(), [7], "tech-1", Now, Today));
            Assert.Equal(status, visit.Status);
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Only_a_submitted_report_is_approved_or_sent_back(VisitStatus status)
    {
        var approving = In(status);
        var sending = In(status);

        if (status == VisitStatus.Submitted)
        {
            approving.Approve("admin-1", Now);
            sending.SendBack("Corrija las ventas.", "admin-1", Now);
            Assert.Equal((VisitStatus.Approved, VisitStatus.SentBack), (approving.Status, sending.Status));
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => approving.Approve("admin-1", Now));
            Assert.Throws<InvalidOperationException>(() => sending.SendBack("Corrija las ventas.", "admin-1", Now));
            Assert.Equal((status, status), (approving.Status, sending.Status));
        }
    }

    [Fact]
    public void Approving_a_report_twice_is_refused_and_keeps_the_first_approval()
    {
        var visit = In(VisitStatus.Submitted);
        visit.Approve("admin-1", Now);

        Assert.Throws<InvalidOperationException>(() => visit.Approve("admin-2", Now.AddMinutes(1)));
        Assert.Equal(("admin-1", Now), (visit.ReviewedByUserId!, visit.ApprovedAtUtc!.Value));
    }

    [Fact]
    public void Sending_back_needs_comments()
    {
        var visit = In(VisitStatus.Submitted);

        Assert.Throws<ArgumentException>(() => visit.SendBack("  ", "admin-1", Now));
        Assert.Equal(VisitStatus.Submitted, visit.Status);
    }

    [Fact]
    public void A_visit_is_overdue_from_the_day_after_its_date_in_lima_and_only_once()
    {
        var visit = FirstPaid(paidOn: Today.AddDays(-30)).Visits[0];
        Assert.Equal(Today, visit.ScheduledOn);

        Assert.False(visit.MarkOverdueIfLate(Today, Now));
        Assert.True(visit.MarkOverdueIfLate(Today.AddDays(1), Now));
        Assert.False(visit.MarkOverdueIfLate(Today.AddDays(2), Now.AddDays(1)));
        Assert.Equal((VisitStatus.Overdue, Now), (visit.Status, visit.OverdueSinceUtc!.Value));
    }

    [Fact]
    public void A_planned_visit_without_a_date_is_never_overdue_nor_reported()
    {
        var visit = In(VisitStatus.Planned);

        Assert.False(visit.MarkOverdueIfLate(Today.AddYears(1), Now));
        Assert.Throws<InvalidOperationException>(() => visit.Submit(Report(), [7], "tech-1", Now, Today));
    }

    [Fact]
    public void A_report_dated_in_the_future_is_refused()
    {
        var visit = Scheduled();

        Assert.Throws<ArgumentException>(() => visit.Submit(Report(Today.AddDays(1)), [7], "tech-1", Now, Today));
        Assert.Equal(VisitStatus.Scheduled, visit.Status);
    }

    [Fact]
    public void Progress_on_a_line_outside_the_plan_is_refused()
    {
        var visit = Scheduled();

        Assert.Throws<ArgumentException>(() => visit.Submit(Report(progress: [new(8, 50, null)]), [7], "tech-1", Now, Today));
        Assert.Throws<ArgumentException>(() => visit.Submit(Report(progress: [new(7, 101, null)]), [7], "tech-1", Now, Today));
        Assert.Throws<ArgumentException>(() => visit.Submit(Report(progress: [new(7, 10, null), new(7, 20, null)]), [7], "tech-1", Now, Today));
        Assert.Empty(visit.Progress);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(1, -1, 0)]
    [InlineData(1, 0, -0.01)]
    [InlineData(1, 0, 0.001)]
    public void Negative_counts_or_sales_are_refused(int members, int jobs, double sales)
    {
        var visit = Scheduled();
        var report = Report() with { MembersPresent = members, Jobs = jobs, SalesToDate = (decimal)sales };

        Assert.Throws<ArgumentException>(() => visit.Submit(report, [7], "tech-1", Now, Today));
    }

    [Fact]
    public void A_sent_back_report_keeps_the_comments_and_is_replaced_when_filed_again()
    {
        var visit = In(VisitStatus.SentBack);

        visit.Submit(Report(rating: VisitRating.NeedsImprovement, progress: [new(7, 80, null)]), [7], "tech-1", Now, Today);

        Assert.Equal("Faltan las fotos del galpón.", visit.ReviewComment);
        Assert.Equal(80, Assert.Single(visit.Progress).ProgressPercent);
        Assert.Equal(VisitRating.NeedsImprovement, visit.Rating);
    }

    [Fact]
    public void Only_an_approved_satisfactory_visit_meets_the_next_tranche()
    {
        var satisfactory = In(VisitStatus.Approved);
        var unsatisfactory = Scheduled();
        unsatisfactory.Submit(Report(rating: VisitRating.Unsatisfactory), [7], "tech-1", Now, Today);
        var submitted = In(VisitStatus.Submitted);
        unsatisfactory.Approve("admin-1", Now);

        Assert.True(satisfactory.IsApprovedSatisfactory);
        Assert.False(unsatisfactory.IsApprovedSatisfactory);
        Assert.False(submitted.IsApprovedSatisfactory);
    }

    [Fact]
    public void Photos_are_images_at_most_ten_and_only_while_the_report_is_open()
    {
        var visit = Scheduled();

        Assert.Throws<ArgumentException>(() => visit.AddPhoto(Pdf(), "tech-1", Now));
        for (var i = 0; i < AwardVisit.MaxPhotos; i++)
        {
            visit.AddPhoto(Jpeg(), "tech-1", Now);
        }
        Assert.Throws<InvalidOperationException>(() => visit.AddPhoto(Jpeg(), "tech-1", Now));
        Assert.Throws<InvalidOperationException>(() => In(VisitStatus.Approved).AddPhoto(Jpeg(), "tech-1", Now));
        Assert.Equal(AwardVisit.MaxPhotos, visit.Photos.Count);
    }

    [Fact]
    public void An_approved_visit_keeps_its_technician_and_date()
    {
        var visit = In(VisitStatus.Approved);

        Assert.Throws<InvalidOperationException>(() => visit.AssignTechnician("tech-2", Now));
        Assert.Throws<InvalidOperationException>(() => visit.Reschedule(Today, Now));
    }

    [Fact]
    public void Rescheduling_an_overdue_visit_makes_it_scheduled_again()
    {
        var visit = In(VisitStatus.Overdue);

        visit.Reschedule(Today.AddDays(5), Now);

        Assert.Equal((VisitStatus.Scheduled, Today.AddDays(5)), (visit.Status, visit.ScheduledOn!.Value));
    }
}
