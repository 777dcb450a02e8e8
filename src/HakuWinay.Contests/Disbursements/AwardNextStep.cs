namespace HakuWinay.Contests.Disbursements;

/// <summary>What the Admin is to do next on an award, as the awards list shows it.</summary>
public enum AwardNextStepKind
{
    /// <summary>Closed or cancelled: nothing.</summary>
    None = 0,
    /// <summary>A paid award was changed by a correction of the results.</summary>
    ResolveCorrection = 1,
    RecordAgreement = 2,
    /// <summary>A tranche is due (<see cref="AwardNextStep.TrancheOrder"/>).</summary>
    PayTranche = 3,
    /// <summary>A tranche is on hold (<see cref="AwardNextStep.TrancheOrder"/>).</summary>
    ReleaseHold = 4,
    /// <summary>The next tranche waits for its conditions: a visit, the group's accounting.</summary>
    AwaitConditions = 5,
    /// <summary>Nothing blocks the closure.</summary>
    Close = 6,
    /// <summary>Every tranche is paid; accounting or the last visit is still open.</summary>
    AwaitClosureConditions = 7,
}

/// <param name="Kind">What to do.</param>
/// <param name="TrancheOrder">The tranche concerned, for paying or releasing.</param>
public sealed record AwardNextStep(AwardNextStepKind Kind, int? TrancheOrder = null);

/// <summary>
/// Pure rules reading an award: its next step, and the facts that decide whether each of its
/// tranches is due (<see cref="TrancheConditions"/>), from the approved expenses per tranche.
/// </summary>
public static class AwardProgress
{
    public static AwardNextStep NextStep(Award award, IReadOnlyCollection<AwardClosureBlocker> closureBlockers)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(closureBlockers);
        if (award.Status != AwardStatus.Active)
        {
            return new AwardNextStep(AwardNextStepKind.None);
        }
        if (award.HasUnresolvedCorrection)
        {
            return new AwardNextStep(AwardNextStepKind.ResolveCorrection);
        }
        if (award.AgreementSignedOn is null)
        {
            return new AwardNextStep(AwardNextStepKind.RecordAgreement);
        }
        var open = award.Tranches.Where(t => t.Status is not (TrancheStatus.Paid or TrancheStatus.Cancelled)).OrderBy(t => t.Order).FirstOrDefault();
        return open switch
        {
            { Status: TrancheStatus.Due } => new AwardNextStep(AwardNextStepKind.PayTranche, open.Order),
            { Status: TrancheStatus.OnHold } => new AwardNextStep(AwardNextStepKind.ReleaseHold, open.Order),
            not null => new AwardNextStep(AwardNextStepKind.AwaitConditions, open.Order),
            null when closureBlockers.Count == 0 => new AwardNextStep(AwardNextStepKind.Close),
            _ => new AwardNextStep(AwardNextStepKind.AwaitClosureConditions),
        };
    }

    /// <summary>
    /// The facts for <paramref name="tranche"/>: the agreement, the previous tranche's payment,
    /// the expenses approved against it, and whether a visit made on or after that payment was
    /// approved as satisfactory.
    /// </summary>
    public static TrancheConditionFacts FactsFor(Award award, AwardTranche tranche, IReadOnlyDictionary<int, decimal> approvedByTranche)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(tranche);
        ArgumentNullException.ThrowIfNull(approvedByTranche);
        var previous = award.Tranches.Where(t => t.Order < tranche.Order).MaxBy(t => t.Order);
        if (previous is null)
        {
            return new TrancheConditionFacts(award.AgreementSignedOn is not null);
        }
        var paidOn = previous.PaidOnLimaDate;
        var visitAfter = paidOn is { } date && award.Visits.Any(v => v.IsApprovedSatisfactory && v.VisitedOn >= date);
        return new TrancheConditionFacts(award.AgreementSignedOn is not null, previous.PaidAmount,
            approvedByTranche.GetValueOrDefault(previous.Id), visitAfter);
    }
}
