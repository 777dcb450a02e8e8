using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.Tests.FollowUp;

public sealed class VisitReportRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly int[] Lines = [7, 8];

    private static VisitReport Good() => new(Today, 14, 2_350.50m, 4, "Bien.", VisitRating.Satisfactory, [new(7, 60, null), new(8, 100, "Listo")]);

    private static string[] Rules(VisitReport report) => VisitReportRules.Check(report, Lines, Today).Select(v => v.Rule).ToArray();

    [Fact]
    public void A_complete_report_of_today_passes() => Assert.Empty(Rules(Good()));

    [Fact]
    public void A_visit_tomorrow_in_Lima_is_refused() => Assert.Equal(["Visits.FutureDate"], Rules(Good() with { VisitedOn = Today.AddDays(1) }));

    [Theory]
    [InlineData(-1, 0, "0", "Visits.MembersRange")]
    [InlineData(10_001, 0, "0", "Visits.MembersRange")]
    [InlineData(0, -1, "0", "Visits.JobsRange")]
    [InlineData(0, 0, "-0.01", "Visits.SalesInvalid")]
    [InlineData(0, 0, "1.005", "Visits.SalesInvalid")]
    [InlineData(0, 0, "100000000.01", "Visits.SalesInvalid")]
    public void Figures_out_of_range_are_refused(int members, int jobs, string sales, string rule) =>
        Assert.Equal([rule], Rules(Good() with { MembersPresent = members, Jobs = jobs, SalesToDate = decimal.Parse(sales, System.Globalization.CultureInfo.InvariantCulture) }));

    [Fact]
    public void A_line_of_another_profile_a_line_twice_and_a_progress_above_100_are_refused()
    {
        Assert.Equal(["Visits.LineNotInPlan"], Rules(Good() with { Progress = [new(99, 10, null)] }));
        Assert.Equal(["Visits.LineTwice"], Rules(Good() with { Progress = [new(7, 10, null), new(7, 20, null)] }));
        Assert.Equal(["Visits.ProgressRange"], Rules(Good() with { Progress = [new(7, 101, null)] }));
        Assert.Equal(["Visits.NoteTooLong"], Rules(Good() with { Progress = [new(7, 1, new string('n', AwardVisit.MaxNoteLength + 1))] }));
    }

    [Fact]
    public void An_unknown_rating_and_too_long_observations_are_refused() =>
        Assert.Equal(["Visits.RatingUnknown", "Visits.ObservationsTooLong"],
            Rules(Good() with { Rating = (VisitRating)9, Observations = new string('o', AwardVisit.MaxObservationsLength + 1) }));

    [Theory]
    [InlineData(VisitStatus.Planned, "Visits.NotScheduled")]
    [InlineData(VisitStatus.Submitted, "Visits.AwaitingReview")]
    [InlineData(VisitStatus.Approved, "Visits.AlreadyApproved")]
    [InlineData(VisitStatus.Scheduled, null)]
    [InlineData(VisitStatus.Overdue, null)]
    [InlineData(VisitStatus.SentBack, null)]
    public void Only_an_open_visit_takes_a_report(VisitStatus status, string? rule) =>
        Assert.Equal(rule, VisitReportRules.WhyClosed(status)?.Rule);
}
