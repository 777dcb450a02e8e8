using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.Dashboards;

/// <summary>What is known of one award when drawing a contest's execution dashboard.</summary>
public sealed record ExecutionAwardFacts(
    int AwardId,
    string ProfileCode,
    string GroupName,
    string Category,
    string ProductionLine,
    decimal Amount,
    AwardStatus Status,
    IReadOnlyList<ExecutionTrancheFacts> Tranches,
    IReadOnlyList<ExecutionVisitFacts> Visits,
    IReadOnlyList<ExecutionExpenseFacts> Expenses);

/// <summary>One tranche of an award; <c>RequiredAccountedPercent</c> is the tranche's own requirement, set on follow-up tranches, about the previous one.</summary>
public sealed record ExecutionTrancheFacts(int TrancheId, int Order, decimal Amount, TrancheStatus Status, decimal? PaidAmount, DateOnly? PaidOn, decimal? RequiredAccountedPercent);

public sealed record ExecutionVisitFacts(int VisitId, int Order, VisitStatus Status, DateOnly? ScheduledOn, DateOnly? VisitedOn, VisitRating? Rating, string? TechnicianName);

public sealed record ExecutionExpenseFacts(int TrancheId, decimal Amount, ExpenseStatus Status);

/// <summary>The execution of a contest's awards: money, visits and the businesses that need attention.</summary>
public sealed record ExecutionDashboard(
    DateOnly TodayInLima,
    ExecutionTotals Totals,
    IReadOnlyList<ExecutionTotals> ByCategory,
    IReadOnlyList<ExecutionTotals> ByProductionLine,
    IReadOnlyList<ExecutionVisitRow> VisitsDue,
    IReadOnlyList<ExecutionVisitRow> VisitsOverdue,
    IReadOnlyList<ExecutionVisitRow> VisitsDone,
    IReadOnlyList<BusinessAtRisk> AtRisk);

/// <summary>Awarded, paid and accounted (approved expenses) of a set of awards, in soles.</summary>
public sealed record ExecutionTotals(string Label, int Awards, decimal Awarded, decimal Paid, decimal Accounted)
{
    /// <summary>Paid as a share of awarded; null when nothing is awarded.</summary>
    public decimal? PaidPercent => ExecutionDashboardRules.Percent(Paid, Awarded);

    /// <summary>Accounted as a share of paid: what the groups have justified of the money they received.</summary>
    public decimal? AccountedPercent => ExecutionDashboardRules.Percent(Accounted, Paid);
}

public sealed record ExecutionVisitRow(
    int VisitId, int AwardId, string ProfileCode, string GroupName, int Order, VisitStatus Status,
    DateOnly? ScheduledOn, DateOnly? VisitedOn, VisitRating? Rating, string? TechnicianName);

public enum RiskKind
{
    /// <summary>The latest reported visit (submitted or approved) was rated unsatisfactory.</summary>
    UnsatisfactoryVisit = 0,

    /// <summary>60 Lima days or more after a tranche's payment, less than the required share of it is accounted.</summary>
    TrancheNotAccounted = 1,
}

/// <summary>One reason a business is at risk, with the figures that explain it.</summary>
public sealed record RiskReason(
    RiskKind Kind,
    int? VisitOrder = null,
    DateOnly? VisitedOn = null,
    int? TrancheOrder = null,
    int? DaysSincePayment = null,
    decimal? AccountedPercent = null,
    decimal? RequiredPercent = null);

/// <summary>A business that needs the Admin's attention: who it is, its money (labelled with its group) and why.</summary>
public sealed record BusinessAtRisk(int AwardId, string ProfileCode, string GroupName, string Category, string ProductionLine, ExecutionTotals Figures, IReadOnlyList<RiskReason> Reasons);
