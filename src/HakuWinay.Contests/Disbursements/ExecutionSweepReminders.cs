namespace HakuWinay.Contests.Disbursements;

/// <summary>Which reminder a Technician gets before a visit: a week before, or the day before.</summary>
public enum VisitReminderKind
{
    DaysBefore7 = 7,
    DaysBefore1 = 1,
}

/// <summary>When a visit's reminders are due, counted in America/Lima calendar days.</summary>
public static class VisitReminderWindow
{
    /// <summary>
    /// The reminder due on <paramref name="todayInLima"/> for a visit on <paramref name="visitOn"/>,
    /// or null. The 7-day reminder is due from 7 days before the visit until 2 days before; the
    /// 1-day one on the day before. A portal down through the whole first window sends only the
    /// 1-day one; nothing is sent on the visit's day or after it (the overdue mark takes over).
    /// </summary>
    public static VisitReminderKind? DueOn(DateOnly visitOn, DateOnly todayInLima)
    {
        var daysLeft = visitOn.DayNumber - todayInLima.DayNumber;
        return daysLeft switch
        {
            1 => VisitReminderKind.DaysBefore1,
            >= 2 and <= 7 => VisitReminderKind.DaysBefore7,
            _ => null,
        };
    }
}
