using System.Globalization;
using HakuWinay.Contests.Judging;
using Microsoft.AspNetCore.Components;

namespace HakuWinay.Contests.Web.Judging;

/// <summary>
/// Absolute links for scoring emails. Under a request or circuit the address the user is on (as
/// the set-password links); in a background job, where there is none, <c>Portal:PublicUrl</c>
/// when configured, else a path the juror can still recognise.
/// </summary>
internal sealed class ScoringLinks(NavigationManager navigation, IConfiguration configuration) : IScoringLinks
{
    public string Scorecard(int scorecardId) => Absolute($"juror/scorecards/{scorecardId.ToString(CultureInfo.InvariantCulture)}");

    public string Scorecards(int contestId) => Absolute($"juror/contests/{contestId.ToString(CultureInfo.InvariantCulture)}/scorecards");

    private string Absolute(string path) => Hosting.PortalUrls.Absolute(navigation, configuration, path);
}
