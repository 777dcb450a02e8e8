namespace HakuWinay.Contests.Common;

/// <summary>
/// One downloadable table as both its files are written from it: the column keys (the CSV's
/// header, a stable contract for scripts) and the rows of typed values (text, numbers, decimals
/// for money and scores, UTC instants, dates). <see cref="CsvWriter"/> and <see cref="XlsxWriter"/>
/// take the same table, so the CSV and the Excel file of a download always hold the same rows.
/// </summary>
public sealed record DownloadTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static DownloadTable Of(IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.Select(r => (IReadOnlyList<object?>)r.ToArray()).ToList();
        var wrong = list.FindIndex(r => r.Count != columns.Count);
        if (wrong >= 0)
        {
            throw new ArgumentException($"Row {wrong + 1} has {list[wrong].Count} cells for {columns.Count} columns.", nameof(rows));
        }
        return new DownloadTable(columns, list);
    }
}
