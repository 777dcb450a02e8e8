using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Accounting;

/// <summary>A tranche as the tally needs it: what was paid of it, if anything.</summary>
public sealed record TallyTranche(int TrancheId, int Order, decimal Amount, decimal? PaidAmount, decimal? RequiredAccountedPercent);

/// <summary>A fund-financed line of the plan as the tally needs it.</summary>
public sealed record TallyLine(int LineId, string Description, InvestmentCategory Category, decimal Planned);

/// <summary>An expense as the tally needs it.</summary>
public sealed record TallyExpense(int TrancheId, int LineId, decimal Amount, ExpenseStatus Status);

/// <summary>
/// How far a tranche is accounted for: approved against paid (the accounted percentage, two
/// decimals, null while unpaid), and what still waits for review.
/// </summary>
public sealed record TrancheAccounting(int TrancheId, int Order, decimal? Paid, decimal Approved, decimal PendingReview, decimal? AccountedPercent);

/// <summary>The plan (fund-financed lines) against the approved spending, for a category or a line.</summary>
public sealed record PlanSpending(decimal Planned, decimal Approved, decimal PendingReview)
{
    /// <summary>Approved ÷ planned, in percent with two decimals; null for a plan of zero.</summary>
    public decimal? SpentPercent => Planned == 0 ? null : Math.Round(Approved / Planned * 100m, 2, MidpointRounding.AwayFromZero);
}

public sealed record CategorySpending(InvestmentCategory Category, PlanSpending Spending);

public sealed record LineSpending(int LineId, string Description, InvestmentCategory Category, PlanSpending Spending);

/// <summary>
/// The sums of an award's accounting (rendición de cuentas): per tranche the accounted share
/// (only approved expenses count, as for the next tranche's condition), per category and per line
/// the plan against the spending. Rejected expenses count for nothing.
/// </summary>
public sealed class SpendingTally
{
    private SpendingTally(IReadOnlyList<TrancheAccounting> tranches, IReadOnlyList<CategorySpending> categories, IReadOnlyList<LineSpending> lines)
    {
        Tranches = tranches;
        Categories = categories;
        Lines = lines;
    }

    public IReadOnlyList<TrancheAccounting> Tranches { get; }
    public IReadOnlyList<CategorySpending> Categories { get; }
    public IReadOnlyList<LineSpending> Lines { get; }

    public decimal ApprovedTotal => Tranches.Sum(t => t.Approved);
    public decimal PendingReviewTotal => Tranches.Sum(t => t.PendingReview);

    public static SpendingTally Of(IEnumerable<TallyTranche> tranches, IEnumerable<TallyLine> lines, IEnumerable<TallyExpense> expenses)
    {
        ArgumentNullException.ThrowIfNull(tranches);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(expenses);
        var counted = expenses.Where(e => e.Status != ExpenseStatus.Rejected).ToList();
        var plan = lines.ToList();

        var trancheRows = tranches.OrderBy(t => t.Order).Select(t =>
        {
            var approved = Sum(counted, e => e.TrancheId == t.TrancheId, ExpenseStatus.Approved);
            var pending = Sum(counted, e => e.TrancheId == t.TrancheId, ExpenseStatus.Submitted);
            decimal? percent = t.PaidAmount is > 0m ? TrancheConditions.AccountedPercent(approved, t.PaidAmount.Value) : null;
            return new TrancheAccounting(t.TrancheId, t.Order, t.PaidAmount, approved, pending, percent);
        }).ToList();

        var lineRows = plan.Select(l => new LineSpending(l.LineId, l.Description, l.Category, new PlanSpending(
            l.Planned,
            Sum(counted, e => e.LineId == l.LineId, ExpenseStatus.Approved),
            Sum(counted, e => e.LineId == l.LineId, ExpenseStatus.Submitted)))).ToList();

        var categoryRows = lineRows.GroupBy(l => l.Category).OrderBy(g => g.Key).Select(g => new CategorySpending(g.Key, new PlanSpending(
            g.Sum(l => l.Spending.Planned), g.Sum(l => l.Spending.Approved), g.Sum(l => l.Spending.PendingReview)))).ToList();

        return new SpendingTally(trancheRows, categoryRows, lineRows);
    }

    /// <summary>What remains to approve against <paramref name="trancheId"/> before it reaches <paramref name="percent"/> of its payment; zero when reached.</summary>
    public decimal StillToAccount(int trancheId, decimal percent)
    {
        var row = Tranches.Single(t => t.TrancheId == trancheId);
        if (row.Paid is not > 0m || row.AccountedPercent >= percent)
        {
            return 0m;
        }
        // The condition compares the rounded percentage, so the smallest sum in cents that reaches it.
        var needed = Math.Ceiling(row.Paid.Value * percent / 100m * 100m) / 100m;
        while (needed > 0.01m && TrancheConditions.AccountedPercent(needed - 0.01m, row.Paid.Value) >= percent)
        {
            needed -= 0.01m;
        }
        return Math.Max(0m, needed - row.Approved);
    }

    private static decimal Sum(IEnumerable<TallyExpense> expenses, Func<TallyExpense, bool> where, ExpenseStatus status) =>
        expenses.Where(e => e.Status == status && where(e)).Sum(e => e.Amount);
}
