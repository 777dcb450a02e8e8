using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Disbursements;

/// <summary>Where a tranche of an award stands.</summary>
public enum TrancheStatus
{
    /// <summary>Planned; its condition is not met yet.</summary>
    Scheduled = 0,
    /// <summary>Its condition is met; the Admin is to pay it.</summary>
    Due = 1,
    Paid = 2,
    /// <summary>Held back with a reason; released to the state it was held from.</summary>
    OnHold = 3,
    Cancelled = 4,
}

/// <summary>
/// One tranche of an award: an amount from the schedule, the condition that makes it due, and
/// its payment. A tranche is paid whole, in one payment of exactly its amount: the schedule is
/// what splits money, so a payment of anything else (zero, negative, more than the amount, or
/// less) is refused, and a tranche already paid cannot be paid again, so a repeated request
/// changes nothing.
/// </summary>
public sealed class AwardTranche : IVersioned
{
    public const int MaxBankReferenceLength = 100;
    public const int MaxReasonLength = 1_000;

    private AwardTranche() { }

    public AwardTranche(int order, decimal amount, TrancheTrigger trigger, decimal? requiredAccountedPercent, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        if (amount < 0 || Money.Round(amount) != amount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A tranche's amount must be zero or more, in cents, not {amount}."), nameof(amount));
        }
        Order = order;
        Amount = amount;
        Trigger = trigger;
        RequiredAccountedPercent = trigger == TrancheTrigger.FollowUpApprovedAndAccounted
            ? requiredAccountedPercent ?? DisbursementTranche.DefaultRequiredAccountedPercent
            : requiredAccountedPercent;
        Status = TrancheStatus.Scheduled;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int AwardId { get; private set; }

    /// <summary>1 for the first tranche.</summary>
    public int Order { get; private set; }
    public decimal Amount { get; private set; }
    public TrancheTrigger Trigger { get; private set; }

    /// <summary>For <see cref="TrancheTrigger.FollowUpApprovedAndAccounted"/>: the share of the previous tranche that must be accounted for.</summary>
    public decimal? RequiredAccountedPercent { get; private set; }

    public TrancheStatus Status { get; private set; }

    /// <summary>While <see cref="TrancheStatus.OnHold"/>: the state it returns to when released.</summary>
    public TrancheStatus? HeldFromStatus { get; private set; }

    public decimal? PaidAmount { get; private set; }
    public DateOnly? PaidOnLimaDate { get; private set; }
    public string? BankReference { get; private set; }

    /// <summary>The bank's voucher of the payment (PDF or image), when one was uploaded.</summary>
    public StoredFile? Voucher { get; private set; }
    public string? PaidByUserId { get; private set; }
    public string? HoldReason { get; private set; }
    public string? CancellationReason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? DueAtUtc { get; private set; }
    public DateTime? PaidAtUtc { get; private set; }
    public DateTime? HeldAtUtc { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }
    public Guid Version { get; set; }

    public bool IsPaid => Status == TrancheStatus.Paid;

    /// <summary>What is still to be paid: the amount until paid, then nothing.</summary>
    public decimal RemainingAmount => Status == TrancheStatus.Paid ? 0m : Amount;

    public void MakeDue(DateTime nowUtc)
    {
        Require(nameof(MakeDue), TrancheStatus.Due, TrancheStatus.Scheduled);
        Status = TrancheStatus.Due;
        DueAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void Pay(decimal amount, DateOnly paidOnLimaDate, string bankReference, DateTime nowUtc, DateOnly todayInLima) =>
        Pay(amount, paidOnLimaDate, bankReference, voucher: null, paidByUserId: null, nowUtc, todayInLima);

    public void Pay(decimal amount, DateOnly paidOnLimaDate, string bankReference, StoredFile? voucher, string? paidByUserId, DateTime nowUtc, DateOnly todayInLima)
    {
        Require(nameof(Pay), TrancheStatus.Paid, TrancheStatus.Due);
        if (amount <= 0)
        {
            throw new ArgumentException($"The payment must be more than zero, not {Money.Format(amount)}.", nameof(amount));
        }
        if (amount > RemainingAmount)
        {
            throw new ArgumentException($"The payment of {Money.Format(amount)} is more than the {Money.Format(RemainingAmount)} remaining of tranche {Order}.", nameof(amount));
        }
        if (amount != Amount)
        {
            throw new ArgumentException($"Tranche {Order} is paid whole: the payment must be {Money.Format(Amount)}, not {Money.Format(amount)}.", nameof(amount));
        }
        if (paidOnLimaDate > todayInLima)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The payment date {paidOnLimaDate:dd/MM/yyyy} is in the future (today in Lima is {todayInLima:dd/MM/yyyy})."), nameof(paidOnLimaDate));
        }
        var reference = RequiredText.Of(bankReference, MaxBankReferenceLength, "The bank operation reference", nameof(bankReference));

        Status = TrancheStatus.Paid;
        PaidAmount = amount;
        PaidOnLimaDate = paidOnLimaDate;
        BankReference = reference;
        Voucher = voucher;
        PaidByUserId = paidByUserId;
        PaidAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Gives an unpaid tranche a new amount, when a corrected publication changes the award before
    /// anything was paid. A paid or cancelled tranche keeps what it has.
    /// </summary>
    public void ChangeAmount(decimal amount, DateTime nowUtc)
    {
        Require(nameof(ChangeAmount), Status, TrancheStatus.Scheduled, TrancheStatus.Due, TrancheStatus.OnHold);
        if (amount < 0 || Money.Round(amount) != amount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A tranche's amount must be zero or more, in cents, not {amount}."), nameof(amount));
        }
        Amount = amount;
        UpdatedAtUtc = nowUtc;
    }

    public void PutOnHold(string reason, DateTime nowUtc)
    {
        Require(nameof(PutOnHold), TrancheStatus.OnHold, TrancheStatus.Scheduled, TrancheStatus.Due);
        var text = RequiredText.Of(reason, MaxReasonLength, "The reason for holding the tranche", nameof(reason));
        HeldFromStatus = Status;
        Status = TrancheStatus.OnHold;
        HoldReason = text;
        HeldAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Returns a held tranche to the state it was held from (Scheduled or Due).</summary>
    public void Release(DateTime nowUtc)
    {
        Require(nameof(Release), HeldFromStatus ?? TrancheStatus.Scheduled, TrancheStatus.OnHold);
        Status = HeldFromStatus ?? TrancheStatus.Scheduled;
        HeldFromStatus = null;
        UpdatedAtUtc = nowUtc;
    }

    public void Cancel(string reason, DateTime nowUtc)
    {
        Require(nameof(Cancel), TrancheStatus.Cancelled, TrancheStatus.Scheduled, TrancheStatus.Due, TrancheStatus.OnHold);
        var text = RequiredText.Of(reason, MaxReasonLength, "The reason for cancelling the tranche", nameof(reason));
        Status = TrancheStatus.Cancelled;
        HeldFromStatus = null;
        CancellationReason = text;
        CancelledAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    private void Require(string action, TrancheStatus target, params TrancheStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new InvalidOperationException(
                $"Tranche {Order} cannot go from {Status} to {target} ({action}); only from {string.Join(" or ", from)}.");
        }
    }
}
