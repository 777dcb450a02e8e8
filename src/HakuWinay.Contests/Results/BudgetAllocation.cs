using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Results;

/// <summary>Why an allocation gave a ranked profile what it got; the explanation says it in Spanish.</summary>
internal enum AllocationStep
{
    /// <summary>The request fitted the remaining budget: Funded.</summary>
    Fits,
    /// <summary>PartialLast: the first request that did not fit got the rest, being at least the minimum share of it.</summary>
    PartiallyFits,
    /// <summary>The request did not fit: Waitlisted (SkipToFit goes on with the next profile; the others stop here).</summary>
    DoesNotFit,
    /// <summary>PartialLast: the first request that did not fit, and the rest was nothing or below the minimum share of it.</summary>
    BelowPartialMinimum,
    /// <summary>StrictOrder or PartialLast: a better-ranked profile stopped the allocation.</summary>
    AfterStop,
}

/// <summary>One ranked profile's allocation: the step, the budget remaining when its turn came, the award, its waitlist position.</summary>
internal readonly record struct Allocation(AllocationStep Step, decimal Remaining, decimal Award, int? WaitlistPosition, int? StoppedAtRank)
{
    public ResultOutcome Outcome => Step switch
    {
        AllocationStep.Fits => ResultOutcome.Funded,
        AllocationStep.PartiallyFits => ResultOutcome.PartiallyFunded,
        _ => ResultOutcome.Waitlisted,
    };
}

/// <summary>
/// Rule 7 for one category: in rank order, award = fund request within the budget, by the
/// contest's policy; waitlist positions in rank order. Amounts in cents, written with two decimals.
/// </summary>
internal static class BudgetAllocation
{
    /// <param name="policy">The contest's allocation policy.</param>
    /// <param name="partialMinimumPercent">PartialLast: the least share of its request (0..100) a partial award may be.</param>
    /// <param name="requests">The ranked profiles' fund requests, in rank order.</param>
    /// <param name="budget">The category's budget plus what rolled over into it.</param>
    /// <param name="allocations">Where each ranked profile's allocation goes, in rank order (as long as <paramref name="requests"/>).</param>
    /// <param name="left">What remains after the awards.</param>
    /// <remarks>
    /// Spans rather than lists and a returned array: a large category's allocations are a few hundred
    /// kilobytes, a large-object-heap allocation per ranking that the caller now rents from the pool.
    /// </remarks>
    public static void Allocate(
        BudgetAllocationPolicy policy, decimal partialMinimumPercent, ReadOnlySpan<decimal> requests, decimal budget, Span<Allocation> allocations, out decimal left)
    {
        var remaining = Ranking.TwoDecimals(budget);
        var waitlisted = 0;
        int? stoppedAt = null;
        for (var i = 0; i < requests.Length; i++)
        {
            var request = Ranking.TwoDecimals(requests[i]);
            var before = remaining;
            AllocationStep step;
            var award = 0.00m;
            if (stoppedAt is not null)
            {
                step = AllocationStep.AfterStop;
            }
            else if (request <= remaining)
            {
                step = AllocationStep.Fits;
                award = request;
            }
            else if (policy == BudgetAllocationPolicy.PartialLast)
            {
                stoppedAt = i + 1;
                var partial = remaining > 0 && remaining * 100m >= partialMinimumPercent * request;
                step = partial ? AllocationStep.PartiallyFits : AllocationStep.BelowPartialMinimum;
                award = partial ? remaining : 0.00m;
            }
            else
            {
                stoppedAt = policy == BudgetAllocationPolicy.StrictOrder ? i + 1 : null;
                step = AllocationStep.DoesNotFit;
            }
            remaining -= award;
            var position = step is AllocationStep.Fits or AllocationStep.PartiallyFits ? (int?)null : ++waitlisted;
            allocations[i] = new Allocation(step, before, award, position, step == AllocationStep.AfterStop ? stoppedAt : null);
        }
        left = remaining;
    }
}
