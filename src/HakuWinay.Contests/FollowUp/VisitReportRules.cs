using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.FollowUp;

/// <summary>
/// The checks <see cref="AwardVisit.Submit"/> makes, as rule violations with the field each
/// concerns, so the service refuses a bad report with clear messages before the entity throws.
/// </summary>
public static class VisitReportRules
{
    public static IReadOnlyList<RuleViolation> Check(VisitReport report, IReadOnlyCollection<int> investmentLineIds, DateOnly todayInLima)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(investmentLineIds);
        var violations = new List<RuleViolation>();
        if (report.VisitedOn > todayInLima)
        {
            violations.Add(new RuleViolation("VisitedOn", "Visits.FutureDate", todayInLima.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (report.MembersPresent is < 0 or > AwardVisit.MaxMembers)
        {
            violations.Add(new RuleViolation("MembersPresent", "Visits.MembersRange", AwardVisit.MaxMembers));
        }
        if (report.Jobs is < 0 or > AwardVisit.MaxJobs)
        {
            violations.Add(new RuleViolation("Jobs", "Visits.JobsRange", AwardVisit.MaxJobs));
        }
        if (report.SalesToDate < 0 || report.SalesToDate > AwardVisit.MaxSales || Money.Round(report.SalesToDate) != report.SalesToDate)
        {
            violations.Add(new RuleViolation("SalesToDate", "Visits.SalesInvalid"));
        }
        if (!Enum.IsDefined(report.Rating))
        {
            violations.Add(new RuleViolation("Rating", "Visits.RatingUnknown"));
        }
        if ((report.Observations?.Trim().Length ?? 0) > AwardVisit.MaxObservationsLength)
        {
            violations.Add(new RuleViolation("Observations", "Visits.ObservationsTooLong", AwardVisit.MaxObservationsLength));
        }
        var progress = report.Progress ?? [];
        if (progress.Select(p => p.InvestmentLineId).Distinct().Count() != progress.Count)
        {
            violations.Add(new RuleViolation("Progress", "Visits.LineTwice"));
        }
        if (progress.Any(p => !investmentLineIds.Contains(p.InvestmentLineId)))
        {
            violations.Add(new RuleViolation("Progress", "Visits.LineNotInPlan"));
        }
        if (progress.Any(p => p.ProgressPercent is < 0 or > 100))
        {
            violations.Add(new RuleViolation("Progress", "Visits.ProgressRange"));
        }
        if (progress.Any(p => (p.Note?.Trim().Length ?? 0) > AwardVisit.MaxNoteLength))
        {
            violations.Add(new RuleViolation("Progress", "Visits.NoteTooLong", AwardVisit.MaxNoteLength));
        }
        return violations;
    }

    /// <summary>Why a visit's report or photos cannot change now, or null when it is open.</summary>
    public static RuleViolation? WhyClosed(VisitStatus status) => status switch
    {
        VisitStatus.Planned => new RuleViolation("Visit", "Visits.NotScheduled"),
        VisitStatus.Submitted => new RuleViolation("Visit", "Visits.AwaitingReview"),
        VisitStatus.Approved => new RuleViolation("Visit", "Visits.AlreadyApproved"),
        _ => null,
    };
}
