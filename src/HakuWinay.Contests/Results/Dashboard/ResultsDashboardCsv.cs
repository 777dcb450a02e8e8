using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Results.Dashboard;

/// <summary>
/// The dashboard's tables as downloads, one per table: their rows (<see cref="DownloadTable"/>),
/// written as CSV (Excel-friendly, see <see cref="CsvWriter"/>) or as Excel (<see cref="XlsxWriter"/>).
/// </summary>
public static class ResultsDashboardCsv
{
    public static byte[] Rows(IReadOnlyList<DashboardRow> rows, string labelColumn) => CsvWriter.Write(RowsTable(rows, labelColumn));

    public static byte[] Shares(IReadOnlyList<HouseholdShare> shares, HouseholdShare? declaredOnlyJuntos = null) => CsvWriter.Write(SharesTable(shares, declaredOnlyJuntos));

    public static DownloadTable RowsTable(IReadOnlyList<DashboardRow> rows, string labelColumn) =>
        DownloadTable.Of(
            [labelColumn, "applicants", "winners", "win_rate_percent", "awarded"],
            rows.Select(r => new object?[] { r.Label, r.Applicants, r.Winners, r.WinRatePercent, r.Awarded }));

    /// <summary>One row per kind; Juntos is the verified count, and the declared-only households follow as <c>JuntosDeclaredOnly</c> when given.</summary>
    public static DownloadTable SharesTable(IReadOnlyList<HouseholdShare> shares, HouseholdShare? declaredOnlyJuntos = null) =>
        DownloadTable.Of(
            ["kind", "applicant_households", "applicant_households_of_kind", "applicant_percent", "winner_households", "winner_households_of_kind", "winner_percent"],
            shares.Select(s => (Kind: s.Kind.ToString(), Share: s))
                .Concat(declaredOnlyJuntos is null ? [] : [("JuntosDeclaredOnly", declaredOnlyJuntos)])
                .Select(r => new object?[] { r.Kind, r.Share.ApplicantHouseholds, r.Share.ApplicantsOfKind, r.Share.ApplicantPercent, r.Share.WinnerHouseholds, r.Share.WinnersOfKind, r.Share.WinnerPercent }));
}
