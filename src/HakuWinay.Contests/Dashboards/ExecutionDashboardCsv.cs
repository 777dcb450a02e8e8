using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Dashboards;

/// <summary>
/// The execution dashboard as one CSV for the ministry (Excel-friendly and guarded against
/// formulas, see <see cref="CsvWriter"/>): the contest's totals, then by category, by production
/// line, and the businesses at risk with their reasons, one row each, told apart by "section".
/// </summary>
public static class ExecutionDashboardCsv
{
    public static IReadOnlyList<string> Columns { get; } =
        ["section", "label", "profile_code", "awards", "awarded", "paid", "accounted", "paid_percent", "accounted_percent", "risk_reasons"];

    /// <param name="execution">The dashboard to export.</param>
    /// <param name="describe">The reader's wording of a risk reason; the reasons of one business are joined with " | ".</param>
    public static byte[] Write(ContestExecution execution, Func<RiskReason, string> describe) => CsvWriter.Write(Table(execution, describe));

    /// <summary>The rows of the CSV, which the Excel download is written from too.</summary>
    public static DownloadTable Table(ContestExecution execution, Func<RiskReason, string> describe)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(describe);
        var dashboard = execution.Dashboard;
        var rows = new List<object?[]> { Row("total", dashboard.Totals with { Label = execution.ContestCode }, null, null) };
        rows.AddRange(dashboard.ByCategory.Select(t => Row("category", t, null, null)));
        rows.AddRange(dashboard.ByProductionLine.Select(t => Row("production_line", t, null, null)));
        rows.AddRange(dashboard.AtRisk.Select(b => Row("at_risk", b.Figures, b.ProfileCode, string.Join(" | ", b.Reasons.Select(describe)))));
        return DownloadTable.Of(Columns, rows);
    }

    private static object?[] Row(string section, ExecutionTotals totals, string? profileCode, string? reasons) =>
        [section, totals.Label, profileCode, totals.Awards, totals.Awarded, totals.Paid, totals.Accounted, totals.PaidPercent, totals.AccountedPercent, reasons];
}
