namespace HakuWinay.Contests.Accounting;

/// <summary>What the group is still to do for its award.</summary>
public enum PendingKind
{
    /// <summary>Sign the agreement (the first tranche waits for it).</summary>
    SignAgreement = 0,
    /// <summary>Account for more of a paid tranche before the next one (Amount: what is still to approve).</summary>
    AccountForTranche = 1,
    /// <summary>Host the next follow-up visit (By: its date).</summary>
    HostVisit = 2,
    /// <summary>Record again an expense the Admin rejected (Reference: the rejected expense).</summary>
    RedoExpense = 3,
}

/// <summary>One thing the group is to do: by when (a Lima date, when there is one), how much, for which tranche or visit.</summary>
public sealed record PendingItem(PendingKind Kind, DateOnly? By = null, decimal? Amount = null, decimal? Percent = null, int? Order = null, int? Reference = null, string? Reason = null);

/// <summary>A paid tranche followed by one that waits for its accounting.</summary>
public sealed record AccountingTarget(int TrancheId, int Order, DateOnly PaidOn, decimal RequiredPercent);

/// <summary>A rejected expense: its line, when it was reviewed, why.</summary>
public sealed record RejectedExpense(int ExpenseId, int LineId, DateTime ReviewedAtUtc, string Reason);

/// <summary>
/// What is pending FROM THE GROUP, in the order it should act: the agreement, the share of a
/// paid tranche still to account for (by 60 days after its payment, when a business is counted
/// "at risk"), the next visit, and each rejected expense not yet redone (no newer expense on
/// its line since it was rejected).
/// </summary>
public static class GroupPending
{
    public const int AccountingDays = 60;

    public static IReadOnlyList<PendingItem> For(
        bool agreementSigned, SpendingTally tally, IEnumerable<AccountingTarget> targets, DateOnly? nextVisitOn, int? nextVisitOrder,
        IEnumerable<RejectedExpense> rejected, IEnumerable<(int LineId, DateTime RecordedAtUtc)> recorded)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var items = new List<PendingItem>();
        if (!agreementSigned)
        {
            items.Add(new PendingItem(PendingKind.SignAgreement));
        }
        foreach (var target in targets.OrderBy(t => t.Order))
        {
            var missing = tally.StillToAccount(target.TrancheId, target.RequiredPercent);
            if (missing > 0)
            {
                items.Add(new PendingItem(PendingKind.AccountForTranche, target.PaidOn.AddDays(AccountingDays), missing, target.RequiredPercent, target.Order));
            }
        }
        if (nextVisitOn is { } visitOn)
        {
            items.Add(new PendingItem(PendingKind.HostVisit, visitOn, Order: nextVisitOrder));
        }
        var later = recorded.ToList();
        foreach (var expense in rejected.OrderBy(r => r.ReviewedAtUtc))
        {
            if (!later.Any(r => r.LineId == expense.LineId && r.RecordedAtUtc > expense.ReviewedAtUtc))
            {
                items.Add(new PendingItem(PendingKind.RedoExpense, Reference: expense.ExpenseId, Reason: expense.Reason));
            }
        }
        return items;
    }
}
