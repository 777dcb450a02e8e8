using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.Dashboards;

/// <summary>
/// The execution dashboard's rules, over plain facts (no database, no clock). Cancelled awards
/// count for nothing; only active awards have visits to come or can be at risk.
/// </summary>
public static class ExecutionDashboardRules
{
    /// <summary>How many Lima days after a payment the group is expected to have accounted for it.</summary>
    public const int AccountingGraceDays = 60;

    /// <summary>How far ahead a scheduled visit counts as due.</summary>
    public const int VisitsDueWithinDays = 30;

    public static ExecutionDashboard Compute(IReadOnlyList<ExecutionAwardFacts> awards, DateOnly todayInLima)
    {
        ArgumentNullException.ThrowIfNull(awards);
        var counted = awards.Where(a => a.Status != AwardStatus.Cancelled).ToList();
        var active = counted.Where(a => a.Status == AwardStatus.Active).ToList();
        var visits = counted.SelectMany(a => a.Visits.Select(v => (Award: a, Visit: v))).ToList();

        return new ExecutionDashboard(
            todayInLima,
            Totals("", counted),
            GroupBy(counted, a => a.Category),
            GroupBy(counted, a => a.ProductionLine),
            Rows(visits.Where(x => x.Award.Status == AwardStatus.Active && IsDue(x.Visit, todayInLima)), v => v.ScheduledOn),
            Rows(visits.Where(x => x.Award.Status == AwardStatus.Active && IsOverdue(x.Visit, todayInLima)), v => v.ScheduledOn),
            Rows(visits.Where(x => x.Visit.Status == VisitStatus.Approved), v => v.VisitedOn),
            active
                .Select(a => (Award: a, Reasons: RiskReasons(a, todayInLima)))
                .Where(x => x.Reasons.Count > 0)
                .Select(x => new BusinessAtRisk(x.Award.AwardId, x.Award.ProfileCode, x.Award.GroupName, x.Award.Category, x.Award.ProductionLine,
                    Totals(x.Award.GroupName, [x.Award]), x.Reasons))
                .OrderBy(r => r.ProfileCode, StringComparer.Ordinal)
                .ToList());
    }

    /// <summary>
    /// Why a business is at risk (empty when it is not): its latest reported visit (submitted or
    /// approved, by visit date) was rated unsatisfactory; or, 60 Lima days or more after a
    /// tranche's payment, less than the required share of it (by default 70%) is accounted with
    /// approved expenses.
    /// </summary>
    public static IReadOnlyList<RiskReason> RiskReasons(ExecutionAwardFacts award, DateOnly todayInLima)
    {
        ArgumentNullException.ThrowIfNull(award);
        var reasons = new List<RiskReason>();
        var latest = LatestReportedVisit(award.Visits);
        if (latest is { Rating: VisitRating.Unsatisfactory })
        {
            reasons.Add(new RiskReason(RiskKind.UnsatisfactoryVisit, VisitOrder: latest.Order, VisitedOn: latest.VisitedOn));
        }
        foreach (var tranche in award.Tranches.OrderBy(t => t.Order))
        {
            if (tranche is not { Status: TrancheStatus.Paid, PaidAmount: > 0m, PaidOn: { } paidOn })
            {
                continue;
            }
            var days = todayInLima.DayNumber - paidOn.DayNumber;
            if (days < AccountingGraceDays)
            {
                continue;
            }
            var approved = award.Expenses
                .Where(e => e.TrancheId == tranche.TrancheId && e.Status == ExpenseStatus.Approved)
                .Sum(e => e.Amount);
            var accounted = TrancheConditions.AccountedPercent(approved, tranche.PaidAmount.Value);
            var required = RequiredAccountedPercent(award.Tranches, tranche);
            if (accounted < required)
            {
                reasons.Add(new RiskReason(RiskKind.TrancheNotAccounted, TrancheOrder: tranche.Order, DaysSincePayment: days, AccountedPercent: accounted, RequiredPercent: required));
            }
        }
        return reasons;
    }

    /// <summary>The visit whose report is the latest word on the business: submitted or approved, latest visit date first.</summary>
    public static ExecutionVisitFacts? LatestReportedVisit(IEnumerable<ExecutionVisitFacts> visits) =>
        visits
            .Where(v => v.Status is VisitStatus.Submitted or VisitStatus.Approved && v.Rating is not null)
            .OrderByDescending(v => v.VisitedOn ?? DateOnly.MinValue)
            .ThenByDescending(v => v.Order)
            .FirstOrDefault();

    /// <summary>
    /// The share of <paramref name="tranche"/> the plan asks to be accounted: the requirement the
    /// next tranche sets on it, or the default 70% when none does (the last tranche, too, is to be
    /// accounted for).
    /// </summary>
    public static decimal RequiredAccountedPercent(IReadOnlyList<ExecutionTrancheFacts> tranches, ExecutionTrancheFacts tranche)
    {
        ArgumentNullException.ThrowIfNull(tranches);
        ArgumentNullException.ThrowIfNull(tranche);
        var next = tranches.FirstOrDefault(t => t.Order == tranche.Order + 1);
        return next?.RequiredAccountedPercent ?? DisbursementTranche.DefaultRequiredAccountedPercent;
    }

    /// <summary>A visit not yet reported whose date is today or within the next 30 days.</summary>
    public static bool IsDue(ExecutionVisitFacts visit, DateOnly todayInLima)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visit is { Status: VisitStatus.Scheduled, ScheduledOn: { } on }
            && on >= todayInLima
            && on.DayNumber - todayInLima.DayNumber <= VisitsDueWithinDays;
    }

    /// <summary>A visit marked overdue, or scheduled before today and not reported (the sweeper may not have marked it yet).</summary>
    public static bool IsOverdue(ExecutionVisitFacts visit, DateOnly todayInLima)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visit.Status == VisitStatus.Overdue
            || visit is { Status: VisitStatus.Scheduled, ScheduledOn: { } on } && on < todayInLima;
    }

    public static ExecutionTotals Totals(string label, IEnumerable<ExecutionAwardFacts> awards)
    {
        ArgumentNullException.ThrowIfNull(awards);
        var list = awards.ToList();
        return new ExecutionTotals(
            label,
            list.Count,
            list.Sum(a => a.Amount),
            list.Sum(a => a.Tranches.Where(t => t.Status == TrancheStatus.Paid).Sum(t => t.PaidAmount ?? 0m)),
            list.Sum(a => a.Expenses.Where(e => e.Status == ExpenseStatus.Approved).Sum(e => e.Amount)));
    }

    /// <summary>part / whole in percent, two decimals, half away from zero; null when whole is zero.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0m ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    private static List<ExecutionTotals> GroupBy(List<ExecutionAwardFacts> awards, Func<ExecutionAwardFacts, string> label) =>
        awards.GroupBy(a => string.IsNullOrWhiteSpace(label(a)) ? "—" : label(a).Trim(), StringComparer.Ordinal)
            .Select(g => Totals(g.Key, g))
            .OrderByDescending(t => t.Awarded)
            .ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToList();

    private static List<ExecutionVisitRow> Rows(IEnumerable<(ExecutionAwardFacts Award, ExecutionVisitFacts Visit)> visits, Func<ExecutionVisitFacts, DateOnly?> date) =>
        visits
            .OrderBy(x => date(x.Visit) ?? DateOnly.MaxValue)
            .ThenBy(x => x.Award.ProfileCode, StringComparer.Ordinal)
            .ThenBy(x => x.Visit.Order)
            .Select(x => new ExecutionVisitRow(
                x.Visit.VisitId, x.Award.AwardId, x.Award.ProfileCode, x.Award.GroupName, x.Visit.Order, x.Visit.Status,
                x.Visit.ScheduledOn, x.Visit.VisitedOn, x.Visit.Rating, x.Visit.TechnicianName))
            .ToList();
}
