using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Results.Dashboard;

/// <summary>The dashboard's tables as CSV files (Excel-friendly, see <see cref="CsvWriter"/>), one per table.</summary>
public static class ResultsDashboardCsv
{
    public static byte[] Rows(IReadOnlyList<DashboardRow> rows, string labelColumn) =>
        CsvWriter.Write(
            [labelColumn, "applicants", "winners", "win_rate_percent", "awarded"],
            rows.Select(r => new object?[] { r.Label, r.Applicants, r.Winners, r.WinRatePercent, r.Awarded }));

    public static byte[] Shares(IReadOnlyList<HouseholdShare> shares) =>
        CsvWriter.Write(
            ["kind", "applicant_households", "applicant_households_of_kind", "applicant_percent", "winner_households", "winner_households_of_kind", "winner_percent"],
            shares.Select(s => new object?[] { s.Kind.ToString(), s.ApplicantHouseholds, s.ApplicantsOfKind, s.ApplicantPercent, s.WinnerHouseholds, s.WinnersOfKind, s.WinnerPercent }));
}
