using System.Text;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// The ranking as CSV, <c>category_code,rank,profile_code,evaluation_score,final_score,outcome,award</c>:
/// one row per entry in the results' order, rank empty for profiles that did not pass, numbers with
/// a dot and two decimals (empty for a score that was not computed), outcomes in snake_case, lines
/// ended with CRLF (RFC 4180, as <see cref="CsvWriter"/> writes every CSV of the portal).
/// </summary>
public static class ResultsCsv
{
    public static IReadOnlyList<string> RankingColumns { get; } =
        ["category_code", "rank", "profile_code", "evaluation_score", "final_score", "outcome", "award"];

    /// <summary>The CSV as text, without a byte-order mark (what the command-line tool prints).</summary>
    public static string Ranking(RankingResult results)
    {
        var bytes = RankingFile(results);
        var bom = Encoding.UTF8.Preamble.Length;
        return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
    }

    /// <summary>The CSV as a download: UTF-8 with a byte-order mark, so Excel keeps accents.</summary>
    public static byte[] RankingFile(RankingResult results) => CsvWriter.Write(RankingTable(results));

    /// <summary>The ranking's rows, which its CSV and its Excel file are both written from.</summary>
    public static DownloadTable RankingTable(RankingResult results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return DownloadTable.Of(RankingColumns, results.Entries.Select(e => new object?[]
        {
            e.CategoryCode,
            e.Rank,
            e.ProfileCode,
            e.EvaluationScore,
            e.FinalScore,
            PackageValues.EnumName(e.Outcome),
            e.Award,
        }));
    }
}
