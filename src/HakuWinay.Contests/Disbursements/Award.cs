using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.Disbursements;

/// <summary>Where a funded business stands, from its award to its closing act.</summary>
public enum AwardStatus
{
    /// <summary>Funded: agreement, tranches, accounting and visits under way.</summary>
    Active = 0,
    /// <summary>Every tranche paid, spending accounted, the last visit approved, the closing act signed.</summary>
    Closed = 1,
    /// <summary>Ended before anything was paid: a corrected publication no longer funds it (<see cref="Award.CancelledByCorrection"/>), or an Admin cancelled it.</summary>
    Cancelled = 2,
}

/// <summary>
/// A funded business profile: the amount a published version of the results gave it, the
/// agreement the group signed, its tranches (split from the contest's plan) and its follow-up
/// visits (scheduled from the first payment). The award guards its own invariants: the sum
/// paid never exceeds the amount, an award with a payment is never re-planned or cancelled, and
/// only an award whose every condition is met can be closed.
/// </summary>
public sealed class Award : IVersioned
{
    public const int MaxReasonLength = 2_000;
    public const int MaxClosingNotesLength = 10_000;

    private readonly List<AwardTranche> _tranches = [];
    private readonly List<AwardVisit> _visits = [];

    private Award() { }

    /// <summary>
    /// The award of a Funded or PartiallyFunded entry: tranches from <paramref name="plan"/>,
    /// one visit per offset of <paramref name="visitOffsets"/>, each assigned to
    /// <paramref name="technicianUserId"/> (none yet when null; the Admin assigns them).
    /// </summary>
    public Award(int contestId, int businessProfileId, int producerGroupId, decimal amount, int publicationVersion,
        IReadOnlyList<TrancheRule> plan, IReadOnlyList<int> visitOffsets, string? technicianUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(visitOffsets);
        ArgumentOutOfRangeException.ThrowIfLessThan(publicationVersion, 1);
        ContestId = contestId;
        BusinessProfileId = businessProfileId;
        ProducerGroupId = producerGroupId;
        Amount = amount;
        PublicationVersion = publicationVersion;
        Status = AwardStatus.Active;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        var amounts = TrancheSchedule.Split(amount, plan);
        for (var i = 0; i < plan.Count; i++)
        {
            _tranches.Add(new AwardTranche(i + 1, amounts[i], plan[i].Trigger, plan[i].RequiredAccountedPercent, nowUtc));
        }
        for (var i = 0; i < visitOffsets.Count; i++)
        {
            _visits.Add(new AwardVisit(i + 1, visitOffsets[i], technicianUserId, nowUtc));
        }
    }

    public int Id { get; private set; }
    public int ContestId { get; private set; }
    public int BusinessProfileId { get; private set; }
    public int ProducerGroupId { get; private set; }

    /// <summary>The amount awarded, in soles; the tranches add up to it exactly.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The version of the published results this award follows.</summary>
    public int PublicationVersion { get; private set; }
    public AwardStatus Status { get; private set; }

    public DateOnly? AgreementSignedOn { get; private set; }
    public StoredFile? AgreementFile { get; private set; }
    public DateTime? AgreementRecordedAtUtc { get; private set; }
    public string? AgreementRecordedByUserId { get; private set; }

    /// <summary>
    /// Set when a newer published version changes an award that already has a payment: the
    /// amount that version gives (zero when it no longer funds it), for the Admin to resolve.
    /// </summary>
    public int? CorrectionVersion { get; private set; }
    public decimal? CorrectionAmount { get; private set; }
    public DateTime? CorrectionFlaggedAtUtc { get; private set; }
    public string? CorrectionResolution { get; private set; }
    public DateTime? CorrectionResolvedAtUtc { get; private set; }
    public string? CorrectionResolvedByUserId { get; private set; }

    public DateOnly? ClosedOn { get; private set; }
    public string? ClosingNotes { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string? ClosedByUserId { get; private set; }

    public string? CancellationReason { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }

    /// <summary>
    /// Cancelled because a corrected version of the results stopped funding the profile, not by
    /// an Admin: a later version that funds the profile again gives it a new award, while an
    /// Admin's cancellation stands whatever later versions say.
    /// </summary>
    public bool CancelledByCorrection { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<AwardTranche> Tranches => _tranches;
    public IReadOnlyList<AwardVisit> Visits => _visits;

    public decimal PaidAmount => _tranches.Sum(t => t.PaidAmount ?? 0m);
    public bool HasPayment => _tranches.Any(t => t.IsPaid);

    /// <summary>A correction of the results changed this paid award and the Admin has not resolved it yet.</summary>
    public bool HasUnresolvedCorrection => CorrectionVersion is not null && CorrectionResolvedAtUtc is null;

    /// <summary>The Lima date of the first payment, from which the visits are scheduled.</summary>
    public DateOnly? FirstPaidOn => _tranches.Where(t => t.PaidOnLimaDate is not null).Min(t => t.PaidOnLimaDate);

    /// <summary>
    /// Records the signed agreement (signature date and the signed PDF). It can be recorded again,
    /// to fix a date or a file, until the first tranche is paid.
    /// </summary>
    public void RecordAgreement(DateOnly signedOn, StoredFile file, string userId, DateTime nowUtc, DateOnly todayInLima)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        RequireActive(nameof(RecordAgreement));
        if (HasPayment)
        {
            throw new InvalidOperationException("The agreement cannot change once a tranche is paid.");
        }
        if (signedOn > todayInLima)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The signature date {signedOn:dd/MM/yyyy} is in the future (today in Lima is {todayInLima:dd/MM/yyyy})."), nameof(signedOn));
        }
        if (file.Kind != Profiles.AttachmentKind.Pdf)
        {
            throw new ArgumentException("The signed agreement must be a PDF.", nameof(file));
        }
        AgreementSignedOn = signedOn;
        AgreementFile = file;
        AgreementRecordedAtUtc = nowUtc;
        AgreementRecordedByUserId = userId;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Pays a tranche whole (see <see cref="AwardTranche.Pay(decimal, DateOnly, string, StoredFile?, string?, DateTime, DateOnly)"/>),
    /// never above what is left of the award; the first payment schedules the visits.
    /// </summary>
    public AwardTranche Pay(int trancheId, decimal amount, DateOnly paidOn, string bankReference, StoredFile? voucher, string userId, DateTime nowUtc, DateOnly todayInLima)
    {
        RequireActive(nameof(Pay));
        var tranche = _tranches.SingleOrDefault(t => t.Id == trancheId)
            ?? throw new ArgumentException($"Tranche {trancheId} is not one of this award's.", nameof(trancheId));
        if (tranche.IsPaid)
        {
            throw new InvalidOperationException($"Tranche {tranche.Order} is already paid.");
        }
        var left = Amount - PaidAmount;
        if (amount > left)
        {
            throw new ArgumentException($"The payment of {Money.Format(amount)} is more than the {Money.Format(left)} left of the award.", nameof(amount));
        }
        if (AgreementSignedOn is { } signed && paidOn < signed)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The payment date {paidOn:dd/MM/yyyy} is before the agreement was signed ({signed:dd/MM/yyyy})."), nameof(paidOn));
        }
        var firstPayment = !HasPayment;
        tranche.Pay(amount, paidOn, bankReference, voucher, userId, nowUtc, todayInLima);
        if (firstPayment)
        {
            foreach (var visit in _visits)
            {
                visit.Schedule(paidOn, nowUtc);
            }
        }
        UpdatedAtUtc = nowUtc;
        return tranche;
    }

    /// <summary>
    /// Follows a newer published version. Without a payment the award takes the new amount (its
    /// tranches re-split by the same plan) or, at zero, is cancelled; with a payment nothing
    /// changes and the difference is flagged for the Admin. Returns whether anything changed.
    /// </summary>
    public bool FollowCorrection(int publicationVersion, decimal newAmount, IReadOnlyList<TrancheRule> plan, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Status != AwardStatus.Active || newAmount == Amount)
        {
            PublicationVersion = Math.Max(PublicationVersion, publicationVersion);
            return false;
        }
        if (HasPayment)
        {
            CorrectionVersion = publicationVersion;
            CorrectionAmount = newAmount;
            CorrectionFlaggedAtUtc = nowUtc;
            CorrectionResolution = null;
            CorrectionResolvedAtUtc = null;
            CorrectionResolvedByUserId = null;
            UpdatedAtUtc = nowUtc;
            return true;
        }
        PublicationVersion = publicationVersion;
        if (newAmount <= 0)
        {
            Cancel(string.Create(CultureInfo.InvariantCulture, $"La versión {publicationVersion} de los resultados ya no financia este perfil."), nowUtc);
            CancelledByCorrection = true;
            return true;
        }
        var amounts = TrancheSchedule.Split(newAmount, plan);
        if (amounts.Count != _tranches.Count)
        {
            throw new InvalidOperationException("The contest's plan has a different number of tranches than the award.");
        }
        foreach (var tranche in _tranches.Where(t => t.Status != TrancheStatus.Cancelled))
        {
            tranche.ChangeAmount(amounts[tranche.Order - 1], nowUtc);
        }
        Amount = newAmount;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>The Admin's answer to a flagged correction (a refund agreed, an addendum, no change), with a reason.</summary>
    public void ResolveCorrection(string resolution, string adminUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        if (!HasUnresolvedCorrection)
        {
            throw new InvalidOperationException("The award has no correction to resolve.");
        }
        CorrectionResolution = RequiredText.Of(resolution, MaxReasonLength, "The resolution of the correction");
        CorrectionResolvedAtUtc = nowUtc;
        CorrectionResolvedByUserId = adminUserId;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Cancels an award with nothing paid, for a reason; its open tranches are cancelled too.</summary>
    public void Cancel(string reason, DateTime nowUtc)
    {
        RequireActive(nameof(Cancel));
        if (HasPayment)
        {
            throw new InvalidOperationException("An award with a payment cannot be cancelled.");
        }
        var text = RequiredText.Of(reason, MaxReasonLength, "The reason for cancelling the award");
        foreach (var tranche in _tranches.Where(t => t.Status != TrancheStatus.Cancelled))
        {
            tranche.Cancel(text.Length <= AwardTranche.MaxReasonLength ? text : text[..AwardTranche.MaxReasonLength], nowUtc);
        }
        Status = AwardStatus.Cancelled;
        CancellationReason = text;
        CancelledAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// What still keeps the award from being closed, given the approved spending and whether
    /// any expense still awaits review; empty when it can be closed.
    /// </summary>
    public IReadOnlyList<AwardClosureBlocker> ClosureBlockers(decimal approvedExpenses, bool expensesAwaitingReview)
    {
        var blockers = new List<AwardClosureBlocker>();
        if (Status != AwardStatus.Active)
        {
            blockers.Add(AwardClosureBlocker.NotActive);
            return blockers;
        }
        if (_tranches.Any(t => t.Status is not (TrancheStatus.Paid or TrancheStatus.Cancelled)) || !HasPayment)
        {
            blockers.Add(AwardClosureBlocker.TranchesUnpaid);
        }
        if (approvedExpenses < PaidAmount || expensesAwaitingReview)
        {
            blockers.Add(AwardClosureBlocker.SpendingNotAccounted);
        }
        if (_visits.Count > 0 && _visits.MaxBy(v => v.Order)!.Status != VisitStatus.Approved)
        {
            blockers.Add(AwardClosureBlocker.LastVisitNotApproved);
        }
        if (HasUnresolvedCorrection)
        {
            blockers.Add(AwardClosureBlocker.CorrectionUnresolved);
        }
        return blockers;
    }

    public void Close(DateOnly closedOn, string? closingNotes, decimal approvedExpenses, bool expensesAwaitingReview, string adminUserId, DateTime nowUtc, DateOnly todayInLima)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        var blockers = ClosureBlockers(approvedExpenses, expensesAwaitingReview);
        if (blockers.Count > 0)
        {
            throw new InvalidOperationException($"The award cannot be closed: {string.Join(", ", blockers)}.");
        }
        if (closedOn > todayInLima)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The closing date {closedOn:dd/MM/yyyy} is in the future."), nameof(closedOn));
        }
        var notes = closingNotes?.Trim() ?? "";
        if (notes.Length > MaxClosingNotesLength)
        {
            throw new ArgumentException($"The closing notes may have at most {MaxClosingNotesLength} characters.", nameof(closingNotes));
        }
        Status = AwardStatus.Closed;
        ClosedOn = closedOn;
        ClosingNotes = notes;
        ClosedAtUtc = nowUtc;
        ClosedByUserId = adminUserId;
        UpdatedAtUtc = nowUtc;
    }

    private void RequireActive(string action)
    {
        if (Status != AwardStatus.Active)
        {
            throw new InvalidOperationException($"The award is {Status}: {action} is not possible.");
        }
    }
}

/// <summary>Why an award cannot be closed yet.</summary>
public enum AwardClosureBlocker
{
    NotActive = 0,
    TranchesUnpaid = 1,
    SpendingNotAccounted = 2,
    LastVisitNotApproved = 3,
    CorrectionUnresolved = 4,
}
