using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Disbursements;

/// <summary>What is known about an award when deciding whether one of its tranches is due.</summary>
/// <param name="AgreementSigned">Whether the agreement's signature date is recorded.</param>
/// <param name="PreviousTranchePaidAmount">What was paid of the previous tranche; null while it is unpaid.</param>
/// <param name="ApprovedExpensesSum">The expenses the Admin approved against the previous tranche.</param>
/// <param name="SatisfactoryVisitApprovedAfterPreviousPayment">Whether a follow-up visit after the previous tranche's payment was approved as satisfactory.</param>
public sealed record TrancheConditionFacts(
    bool AgreementSigned,
    decimal? PreviousTranchePaidAmount = null,
    decimal ApprovedExpensesSum = 0m,
    bool SatisfactoryVisitApprovedAfterPreviousPayment = false);

/// <summary>Why a tranche is not due yet.</summary>
public enum TrancheNotDueReason
{
    AgreementNotSigned = 0,
    PreviousTrancheNotPaid = 1,
    NoSatisfactoryVisitApproved = 2,
    NotEnoughAccounted = 3,
}

/// <summary>Whether a tranche is due and, when not, the first condition still missing.</summary>
/// <param name="IsDue">Whether every condition of the tranche is met.</param>
/// <param name="NotDueReason">The first condition still missing; null when due.</param>
/// <param name="AccountedPercent">For a follow-up tranche whose previous one is paid: the share of it accounted for.</param>
public sealed record TrancheDueCheck(bool IsDue, TrancheNotDueReason? NotDueReason, decimal? AccountedPercent = null)
{
    public static TrancheDueCheck Due(decimal? accountedPercent = null) => new(true, null, accountedPercent);

    public static TrancheDueCheck NotYet(TrancheNotDueReason reason, decimal? accountedPercent = null) => new(false, reason, accountedPercent);
}

/// <summary>
/// When a tranche becomes due (DOMAIN.md): the first when the agreement is signed; a follow-up
/// tranche when a visit after the previous payment was approved as satisfactory and the group
/// accounted for at least the required share (default 70%) of the previous tranche.
/// </summary>
public static class TrancheConditions
{
    public static TrancheDueCheck Check(TrancheTrigger trigger, decimal? requiredAccountedPercent, TrancheConditionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        switch (trigger)
        {
            case TrancheTrigger.AgreementSigned:
                return facts.AgreementSigned ? TrancheDueCheck.Due() : TrancheDueCheck.NotYet(TrancheNotDueReason.AgreementNotSigned);

            case TrancheTrigger.FollowUpApprovedAndAccounted:
                if (!facts.AgreementSigned)
                {
                    return TrancheDueCheck.NotYet(TrancheNotDueReason.AgreementNotSigned);
                }
                if (facts.PreviousTranchePaidAmount is not > 0m)
                {
                    return TrancheDueCheck.NotYet(TrancheNotDueReason.PreviousTrancheNotPaid);
                }
                var accounted = AccountedPercent(facts.ApprovedExpensesSum, facts.PreviousTranchePaidAmount.Value);
                if (!facts.SatisfactoryVisitApprovedAfterPreviousPayment)
                {
                    return TrancheDueCheck.NotYet(TrancheNotDueReason.NoSatisfactoryVisitApproved, accounted);
                }
                var required = requiredAccountedPercent ?? DisbursementTranche.DefaultRequiredAccountedPercent;
                return accounted >= required
                    ? TrancheDueCheck.Due(accounted)
                    : TrancheDueCheck.NotYet(TrancheNotDueReason.NotEnoughAccounted, accounted);

            default:
                throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown tranche trigger.");
        }
    }

    public static TrancheDueCheck Check(AwardTranche tranche, TrancheConditionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(tranche);
        return Check(tranche.Trigger, tranche.RequiredAccountedPercent, facts);
    }

    /// <summary>Approved expenses as a share of what was paid, in percent with two decimals (half away from zero).</summary>
    public static decimal AccountedPercent(decimal approvedExpenses, decimal paidAmount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paidAmount);
        return Math.Round(approvedExpenses / paidAmount * 100m, 2, MidpointRounding.AwayFromZero);
    }
}
