using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;

namespace HakuWinay.Contests.Disbursements;

/// <summary>
/// Splits an award into the amounts of its tranches following the contest's plan.
/// </summary>
public static class TrancheSchedule
{
    /// <summary>
    /// Each tranche is the award times its percent, rounded to cents half away from zero; the last
    /// tranche takes what is left, so the amounts always add up exactly to the award.
    /// </summary>
    public static IReadOnlyList<decimal> Split(decimal award, IReadOnlyList<TrancheRule> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (award <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The award must be more than zero, not {award}."), nameof(award));
        }
        if (Money.Round(award) != award)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The award must be in soles with at most two decimals, not {award}."), nameof(award));
        }
        if (plan.Count == 0)
        {
            throw new ArgumentException("The plan needs at least one tranche.", nameof(plan));
        }
        for (var i = 0; i < plan.Count; i++)
        {
            if (plan[i].Percent <= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Tranche {i + 1} must be more than 0%, not {plan[i].Percent}%."), nameof(plan));
            }
        }
        var total = plan.Sum(r => r.Percent);
        if (total != 100m)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The tranche percents must add up to 100%, not {total}%."), nameof(plan));
        }

        var amounts = new decimal[plan.Count];
        var left = award;
        for (var i = 0; i < plan.Count - 1; i++)
        {
            // With many tiny tranches of a tiny award, rounding each up could take more than the
            // award (S/ 0.02 in four quarters: 0.01 + 0.01 + 0.01); a tranche never takes more
            // than is left, so none is ever negative.
            amounts[i] = Math.Min(Money.Round(award * plan[i].Percent / 100m), left);
            left -= amounts[i];
        }
        amounts[^1] = left;
        return amounts;
    }
}
