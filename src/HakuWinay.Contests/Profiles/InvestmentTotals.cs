using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Profiles;

/// <summary>The sums of an investment plan, as the live totals show them and the rules check them.</summary>
public sealed record InvestmentTotals(
    decimal FundRequest,
    decimal CounterpartCash,
    decimal CounterpartInKind,
    IReadOnlyDictionary<InvestmentCategory, decimal> FundByCategory)
{
    public decimal Counterpart => CounterpartCash + CounterpartInKind;

    public decimal TotalInvestment => FundRequest + Counterpart;

    /// <summary>Counterpart as a percentage of the total investment, two decimals (0 for an empty plan).</summary>
    public decimal CounterpartPercent => TotalInvestment == 0 ? 0 : Math.Round(Counterpart * 100 / TotalInvestment, 2, MidpointRounding.AwayFromZero);

    /// <summary>A category's share of the fund request, two decimals.</summary>
    public decimal ShareOfFund(InvestmentCategory category) =>
        FundRequest == 0 ? 0 : Math.Round(FundByCategory.GetValueOrDefault(category) * 100 / FundRequest, 2, MidpointRounding.AwayFromZero);

    public static InvestmentTotals Of(IEnumerable<InvestmentLine> lines) =>
        Of(lines.Select(l => new LineAmount(l.Category, l.Total, l.FinancedBy)));

    /// <summary>The same sums for lines still being typed (the plan editor), before they are saved.</summary>
    public static InvestmentTotals Of(IEnumerable<LineAmount> lines)
    {
        var fund = 0m;
        var cash = 0m;
        var kind = 0m;
        var byCategory = new Dictionary<InvestmentCategory, decimal>();
        foreach (var line in lines)
        {
            var total = line.Total;
            switch (line.FinancedBy)
            {
                case FinancedBy.Fund:
                    fund += total;
                    byCategory[line.Category] = byCategory.GetValueOrDefault(line.Category) + total;
                    break;
                case FinancedBy.CounterpartCash:
                    cash += total;
                    break;
                default:
                    kind += total;
                    break;
            }
        }
        return new InvestmentTotals(Money.Round(fund), Money.Round(cash), Money.Round(kind), byCategory);
    }
}

/// <summary>A line's category, total and payer: all the totals need.</summary>
public sealed record LineAmount(InvestmentCategory Category, decimal Total, FinancedBy FinancedBy);
