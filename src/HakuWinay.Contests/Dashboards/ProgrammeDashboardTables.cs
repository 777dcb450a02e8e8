using HakuWinay.Contests.Common;
using HakuWinay.Contests.Results.Dashboard;

namespace HakuWinay.Contests.Dashboards;

/// <summary>
/// The programme dashboard's tables as downloads (CSV and Excel from the same rows): the figures
/// per year and region, and the households' shares (the same columns and rows as a contest's results
/// dashboard, the declared-only Juntos households last as <c>JuntosDeclaredOnly</c>).
/// </summary>
public static class ProgrammeDashboardTables
{
    public static IReadOnlyList<string> FiguresColumns { get; } =
    [
        "year", "region_code", "region", "contests", "applicants", "eligible", "funded",
        "requested", "awarded", "paid", "accounted", "at_risk", "closed",
    ];

    /// <summary>The table a download's name asks for ("regions" or "shares"); null for any other name.</summary>
    public static DownloadTable? Table(ProgrammeDashboard dashboard, string name)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        return name switch
        {
            "regions" => Figures(dashboard.ByYearAndRegion),
            "shares" => ResultsDashboardCsv.SharesTable(dashboard.Shares, dashboard.DeclaredOnlyJuntos),
            _ => null,
        };
    }

    public static DownloadTable Figures(IReadOnlyList<ProgrammeFigures> rows) =>
        DownloadTable.Of(FiguresColumns, rows.Select(r => new object?[]
        {
            r.Year, r.RegionCode, r.RegionName, r.Contests, r.Applicants, r.Eligible, r.Funded,
            r.Requested, r.Awarded, r.Paid, r.Accounted, r.AtRisk, r.Closed,
        }));
}
