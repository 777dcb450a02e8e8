using System.Globalization;
using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Components.Pages.Accounting;

/// <summary>The plain sentences of the award's pages: when a tranche becomes due, what the group is to do.</summary>
public static class AccountingText
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.00", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>When and why the tranche is (or becomes) due, in plain words.</summary>
    public static string WhenDue(IStringLocalizer L, TrancheRow tranche)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(tranche);
        var required = Percent(tranche.RequiredPercent ?? DisbursementTranche.DefaultRequiredAccountedPercent);
        return tranche.Status switch
        {
            TrancheStatus.Paid => L["GroupAward.WhenPaid", Date(tranche.PaidOn!.Value)],
            TrancheStatus.Due => L["GroupAward.WhenDueNow"],
            TrancheStatus.Cancelled => L["GroupAward.WhenCancelled", tranche.CancellationReason ?? ""],
            TrancheStatus.OnHold => L["GroupAward.WhenOnHold", tranche.HoldReason ?? ""],
            _ => tranche.Check?.NotDueReason switch
            {
                TrancheNotDueReason.AgreementNotSigned => tranche.Trigger == TrancheTrigger.AgreementSigned
                    ? L["GroupAward.WhenAgreement"] : L["GroupAward.WhenAgreementFirst"],
                TrancheNotDueReason.PreviousTrancheNotPaid => L["GroupAward.WhenPreviousPaid", tranche.Order - 1, required],
                TrancheNotDueReason.NoSatisfactoryVisitApproved => L["GroupAward.WhenVisit", required, tranche.Order - 1, Percent(tranche.Check.AccountedPercent)],
                TrancheNotDueReason.NotEnoughAccounted => L["GroupAward.WhenAccounted", required, tranche.Order - 1, Percent(tranche.Check.AccountedPercent)],
                _ => L["GroupAward.WhenSweep"],
            },
        };
    }

    public static string Pending(IStringLocalizer L, PendingItem item)
    {
        ArgumentNullException.ThrowIfNull(L);
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            PendingKind.SignAgreement => L["GroupAward.PendingAgreement"],
            PendingKind.AccountForTranche => L["GroupAward.PendingAccount", Common.Money.Format(item.Amount ?? 0m), item.Order ?? 0, Percent(item.Percent), Date(item.By!.Value)],
            PendingKind.HostVisit => L["GroupAward.PendingVisit", item.Order ?? 0, Date(item.By!.Value)],
            _ => L["GroupAward.PendingRedo", item.Reason ?? ""],
        };
    }
}
