using System.Globalization;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Localization;

/// <summary>Turns a rule violation into the sentence the page shows next to its field.</summary>
public static class RuleText
{
    public static string Describe(IStringLocalizer localizer, RuleViolation violation)
    {
        var arguments = violation.Rule switch
        {
            "Rules.RequestAboveMaxAward" or "ContestRules.MaxAwardAboveBudget" or "ContestRules.AmountRange"
                => violation.Arguments.Select(a => (object)Money.Format((decimal)a)).ToArray(),
            "Rules.CounterpartBelowMinimum" or "Rules.CategoryAboveCap" => violation.Arguments.Select(a => a switch
            {
                decimal d => (object)d.ToString("0.##", CultureInfo.CurrentCulture),
                // The investment category a cap is about, by the name the plan's selector shows.
                InvestmentCategory category => localizer[$"InvestmentCategory.{category}"].Value,
                _ => a,
            }).ToArray(),
            _ => violation.Arguments.Select(a => a is decimal d ? d.ToString("0.##", CultureInfo.CurrentCulture) : a).ToArray(),
        };
        var text = localizer[violation.Rule];
        return text.ResourceNotFound ? violation.Rule : string.Format(CultureInfo.CurrentCulture, text.Value, arguments);
    }
}
