using HakuWinay.Contests.Disbursements;

namespace HakuWinay.Contests.Tests.Disbursements;

public sealed class VisitReminderSweepTests
{
    private static readonly DateOnly Visit = new(2026, 12, 10);

    [Theory]
    [InlineData("2026-12-02", null)]
    [InlineData("2026-12-03", VisitReminderKind.DaysBefore7)]
    [InlineData("2026-12-05", VisitReminderKind.DaysBefore7)]
    [InlineData("2026-12-08", VisitReminderKind.DaysBefore7)]
    [InlineData("2026-12-09", VisitReminderKind.DaysBefore1)]
    [InlineData("2026-12-10", null)]
    [InlineData("2026-12-11", null)]
    public void The_7_day_reminder_is_due_from_a_week_before_until_2_days_before_and_the_1_day_one_on_the_day_before(string today, VisitReminderKind? expected)
    {
        Assert.Equal(expected, VisitReminderWindow.DueOn(Visit, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
