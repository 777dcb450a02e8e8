using System.Globalization;
using HakuWinay.Contests.Results;
using Microsoft.Extensions.Localization;

// Not "...Web.Results": a namespace of that name would hide ASP.NET Core's Results class (Results.NotFound()) from
// every other namespace of the web project.
namespace HakuWinay.Contests.Web.PublicResults;

/// <summary>How the results pages write outcomes and scores.</summary>
public static class ResultsText
{
    public static string Outcome(IStringLocalizer<SharedResource> L, ResultOutcome outcome) => L["ResultsPage.Outcome." + outcome];

    /// <summary>A score with a dot and two decimals, as in the package and the CSV; a dash when there is none.</summary>
    public static string Score(decimal? score) => score is null ? "—" : score.Value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Outcomes of profiles that are not in the ranked table, in the order they are listed.</summary>
    public static bool IsUnranked(ResultEntry entry) => entry.Rank is null;
}
