using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Contests;

/// <summary>Where a public contest stands for someone looking for it: its call, its evaluation or its results.</summary>
public enum ContestPhase
{
    /// <summary>Announced or open, and its deadline has not passed.</summary>
    Open = 0,

    /// <summary>Submissions are closed and results are not published yet.</summary>
    Evaluation = 1,

    /// <summary>At least one version of its results is published (also in execution or archived).</summary>
    Results = 2,
}

/// <summary>A public contest as the home page and the index list it, with its latest published version if any.</summary>
public sealed record PublicContestRow(ContestSummary Summary, string RegionCode, ContestPhase Phase, int Year, int? ResultsVersion, DateTime? ResultsPublishedAtUtc);

/// <summary>One section of the home page: the first few contests of a phase and how many there are in all.</summary>
public sealed record HomeSection(IReadOnlyList<PublicContestRow> Rows, int Total);

/// <summary>The home page's three sections: open calls, contests in evaluation, published results.</summary>
public sealed record HomeContests(HomeSection Open, HomeSection Evaluation, HomeSection Results);

/// <summary>One page of the public index, the filters it offers and which asked filters were not understood.</summary>
public sealed record ContestIndexResult(
    IReadOnlyList<PublicContestRow> Rows, int Total, int Page, int PageCount,
    IReadOnlyList<int> Years, IReadOnlyList<(string Code, string Name)> Regions, IReadOnlyList<string> RejectedFilters);

/// <summary>
/// The filters of the public index as they arrive in the query string (year, region, status, page).
/// Anything not understood is dropped and named in <see cref="Rejected"/>, so a mistyped or
/// malicious link shows every contest with a note instead of failing.
/// </summary>
public sealed record ContestIndexFilter(int? Year, string? RegionCode, ContestPhase? Phase, int Page, IReadOnlyList<string> Rejected)
{
    public const int PageSize = 20;
    private const int MaxRegionCodeLength = 10;

    public static ContestIndexFilter Parse(string? year, string? region, string? status, string? page)
    {
        var rejected = new List<string>();
        int? parsedYear = null;
        if (!string.IsNullOrEmpty(year))
        {
            if (year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
            {
                parsedYear = y;
            }
            else
            {
                rejected.Add("year");
            }
        }
        string? regionCode = null;
        if (!string.IsNullOrEmpty(region))
        {
            if (region.Length <= MaxRegionCodeLength && region.All(char.IsAsciiLetterOrDigit))
            {
                regionCode = region.ToUpperInvariant();
            }
            else
            {
                rejected.Add("region");
            }
        }
        ContestPhase? phase = null;
        if (!string.IsNullOrEmpty(status))
        {
            phase = status.ToLowerInvariant() switch
            {
                "open" => ContestPhase.Open,
                "evaluation" => ContestPhase.Evaluation,
                "results" => ContestPhase.Results,
                _ => null,
            };
            if (phase is null)
            {
                rejected.Add("status");
            }
        }
        var pageNumber = 1;
        if (!string.IsNullOrEmpty(page) && !(page.Length <= 4 && int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) && pageNumber >= 1))
        {
            pageNumber = 1;
            rejected.Add("page");
        }
        return new ContestIndexFilter(parsedYear, regionCode, phase, pageNumber, rejected);
    }

    /// <summary>The query-string word of a phase, as the index's links and form write it.</summary>
    public static string StatusWord(ContestPhase phase) => phase switch
    {
        ContestPhase.Open => "open",
        ContestPhase.Evaluation => "evaluation",
        _ => "results",
    };

    public bool Matches(PublicContestRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (Year is null || row.Year == Year) && (RegionCode is null || string.Equals(row.RegionCode, RegionCode, StringComparison.OrdinalIgnoreCase))
            && (Phase is null || row.Phase == Phase);
    }
}

/// <summary>How a contest's status and dates place it in a phase.</summary>
public static class ContestPhases
{
    public static ContestPhase Of(Contest contest, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(contest);
        if (contest.ResultsPublished)
        {
            return ContestPhase.Results;
        }
        return contest.Status is ContestStatus.Published or ContestStatus.Open && contest.Timeline.SubmissionsCloseAtUtc > nowUtc
            ? ContestPhase.Open
            : ContestPhase.Evaluation;
    }

    /// <summary>The year a contest belongs to: the year (in Lima) its call opens.</summary>
    public static int YearOf(Contest contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        return LimaTime.ToLima(contest.Timeline.CallOpensAtUtc).Year;
    }
}
