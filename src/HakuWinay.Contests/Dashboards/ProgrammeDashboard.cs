using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Dashboard;

namespace HakuWinay.Contests.Dashboards;

/// <summary>
/// What the programme dashboard is asked for: a year (of the call's opening, in Lima), a region,
/// a production line and a category code ("IDEA", "MARCHA"), each optional.
/// </summary>
public sealed record ProgrammeFilter(int? Year = null, string? RegionCode = null, string? ProductionLineCode = null, string? CategoryCode = null)
{
    public bool NarrowsApplicants => ProductionLineCode is not null || CategoryCode is not null;

    /// <summary>
    /// Reads the filters as an address gives them (<c>?year=&amp;region=&amp;line=&amp;category=</c>):
    /// blank means any; a year is four digits from 2000 to 2100; a code is 1 to 20 letters, digits,
    /// "-" or "_". Anything else is refused with the name of the parameter, never half-applied.
    /// </summary>
    public static bool TryParse(string? year, string? region, string? line, string? category, out ProgrammeFilter filter, out string? rejected)
    {
        filter = new ProgrammeFilter();
        rejected = null;
        int? parsedYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (year.Trim() is { Length: 4 } y && int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && value is >= 2000 and <= 2100)
            {
                parsedYear = value;
            }
            else
            {
                rejected = "year";
                return false;
            }
        }
        string? wrong = null;
        string? Code(string? text, string name)
        {
            if (string.IsNullOrWhiteSpace(text) || wrong is not null)
            {
                return null;
            }
            var code = text.Trim();
            if (code.Length > 20 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                wrong = name;
                return null;
            }
            return code;
        }
        filter = new ProgrammeFilter(parsedYear, Code(region, "region"), Code(line, "line"), Code(category, "category"));
        rejected = wrong;
        return rejected is null;
    }
}

/// <summary>A contest as the programme dashboard counts it.</summary>
public sealed record ProgrammeContestFacts(int ContestId, int Year, string RegionCode, string RegionName);

/// <summary>
/// The households of an applicant's group, counted once per kind: <see cref="Juntos"/> those the
/// Juntos padrón verified, <see cref="JuntosDeclaredOnly"/> those declared Juntos users that it does
/// not list (shown apart, counted for nothing).
/// </summary>
public sealed record ProgrammeHouseholds(int Households, int WomenHeaded, int Youth, int Juntos, int JuntosDeclaredOnly = 0);

/// <summary>What happened to a funded profile's award: money paid and accounted, at risk (execution rules) or closed.</summary>
public sealed record ProgrammeAwardFacts(AwardStatus Status, decimal Amount, decimal Paid, decimal Accounted, bool AtRisk);

/// <summary>One submitted profile (an applicant) of a contest, and its award if it has one.</summary>
public sealed record ProgrammeApplicantFacts(
    int ContestId, string ProductionLineCode, string CategoryCode, ProfileStatus Status, decimal Requested,
    ProgrammeHouseholds Households, ProgrammeAwardFacts? Award)
{
    /// <summary>Funded: an award that a correction or an administrator has not cancelled.</summary>
    public bool IsFunded => Award is { Status: not AwardStatus.Cancelled };
}

/// <summary>The figures of one year and region (or of everything shown, in <see cref="ProgrammeDashboard.Totals"/>).</summary>
public sealed record ProgrammeFigures(
    int? Year, string RegionCode, string RegionName,
    int Contests, int Applicants, int Eligible, int Funded,
    decimal Requested, decimal Awarded, decimal Paid, decimal Accounted,
    int AtRisk, int Closed)
{
    public decimal? FundedPercent => ResultsDashboardStats.Percent(Funded, Applicants);

    public decimal? PaidPercent => ExecutionDashboardRules.Percent(Paid, Awarded);

    public decimal? AccountedPercent => ExecutionDashboardRules.Percent(Accounted, Paid);
}

/// <summary>
/// The programme as a whole: totals, one row per year and region (latest year first), the
/// households' shares (Juntos verified), and apart from them the households declared Juntos users
/// that the Juntos padrón does not list.
/// </summary>
public sealed record ProgrammeDashboard(
    ProgrammeFigures Totals, IReadOnlyList<ProgrammeFigures> ByYearAndRegion, IReadOnlyList<HouseholdShare> Shares, HouseholdShare DeclaredOnlyJuntos);

/// <summary>
/// The programme dashboard's rules over plain facts (no database). Applicants are submitted
/// profiles (withdrawn ones and drafts are not); eligible ones were declared so; funded ones have
/// an award not cancelled, and only those count as winners, in money and in the shares. Shares
/// are of member households, as on a contest's results dashboard. A contest counts once it is
/// out of draft; with a line or category filter, only contests with an applicant of it count.
/// </summary>
public static class ProgrammeDashboardRules
{
    public static ProgrammeDashboard Compute(IReadOnlyList<ProgrammeContestFacts> contests, IReadOnlyList<ProgrammeApplicantFacts> applicants, ProgrammeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(contests);
        ArgumentNullException.ThrowIfNull(applicants);
        ArgumentNullException.ThrowIfNull(filter);
        var shownContests = contests
            .Where(c => filter.Year is null || c.Year == filter.Year)
            .Where(c => filter.RegionCode is null || string.Equals(c.RegionCode, filter.RegionCode, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(c => c.ContestId);
        var shown = applicants
            .Where(a => shownContests.ContainsKey(a.ContestId))
            .Where(a => filter.ProductionLineCode is null || string.Equals(a.ProductionLineCode, filter.ProductionLineCode, StringComparison.OrdinalIgnoreCase))
            .Where(a => filter.CategoryCode is null || string.Equals(a.CategoryCode, filter.CategoryCode, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var counted = filter.NarrowsApplicants
            ? shown.Select(a => a.ContestId).Distinct().Select(id => shownContests[id]).ToList()
            : [.. shownContests.Values];

        var rows = counted
            .GroupBy(c => (c.Year, c.RegionCode))
            .Select(g => Figures(g.Key.Year, g.Key.RegionCode, g.First().RegionName, g.ToList(), shown))
            .OrderByDescending(r => r.Year)
            .ThenBy(r => r.RegionName, StringComparer.Ordinal)
            .ToList();
        var winners = shown.Where(a => a.IsFunded).ToList();
        return new ProgrammeDashboard(
            Figures(null, "", "", counted, shown),
            rows,
            [
                Share(PriorityKind.Juntos, shown, winners, h => h.Juntos),
                Share(PriorityKind.WomenHeaded, shown, winners, h => h.WomenHeaded),
                Share(PriorityKind.Youth, shown, winners, h => h.Youth),
            ],
            Share(PriorityKind.Juntos, shown, winners, h => h.JuntosDeclaredOnly));
    }

    private static ProgrammeFigures Figures(int? year, string regionCode, string regionName, List<ProgrammeContestFacts> contests, List<ProgrammeApplicantFacts> applicants)
    {
        var ids = contests.Select(c => c.ContestId).ToHashSet();
        var mine = applicants.Where(a => ids.Contains(a.ContestId)).ToList();
        var funded = mine.Where(a => a.IsFunded).Select(a => a.Award!).ToList();
        return new ProgrammeFigures(
            year, regionCode, regionName,
            contests.Count,
            mine.Count,
            mine.Count(a => a.Status == ProfileStatus.Eligible),
            funded.Count,
            mine.Sum(a => a.Requested),
            funded.Sum(a => a.Amount),
            funded.Sum(a => a.Paid),
            funded.Sum(a => a.Accounted),
            funded.Count(a => a.Status == AwardStatus.Active && a.AtRisk),
            funded.Count(a => a.Status == AwardStatus.Closed));
    }

    private static HouseholdShare Share(PriorityKind kind, List<ProgrammeApplicantFacts> applicants, List<ProgrammeApplicantFacts> winners, Func<ProgrammeHouseholds, int> ofKind) =>
        new(kind,
            applicants.Sum(a => a.Households.Households), applicants.Sum(a => ofKind(a.Households)),
            winners.Sum(w => w.Households.Households), winners.Sum(w => ofKind(w.Households)));
}
