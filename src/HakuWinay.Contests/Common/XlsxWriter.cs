using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace HakuWinay.Contests.Common;

/// <summary>
/// The Excel twin of <see cref="CsvWriter"/>, and the one place the portal uses MiniExcel to write:
/// one sheet, the same rows as the CSV, headings in the reader's language, and typed cells a
/// spreadsheet can sum and sort: amounts and scores are numbers (two decimals shown, as in the CSV),
/// instants are dates in America/Lima, text is text. Text cells follow the CSV's rule against
/// formulas (<see cref="CsvWriter.Neutralise"/>), so a group named "=HYPERLINK(…)" stays inert
/// even after someone edits the cell or saves the sheet as CSV again.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>How decimals show: two decimals with thousands, like "7,500.00" (the CSV writes "7500.00").</summary>
    public const string DecimalFormat = "#,##0.00";

    /// <summary>How an instant shows once turned to Lima time, as the CSV writes it ("23/11/2026 09:30").</summary>
    public const string InstantFormat = "dd/MM/yyyy HH:mm";

    public const string DateFormat = "dd/MM/yyyy";

    /// <param name="table">The rows, exactly as the CSV of the same download gets them.</param>
    /// <param name="heading">The heading of a column key (the CSV's header) for people, e.g. "monto_solicitado" → "Monto solicitado (S/)".</param>
    /// <param name="sheetName">The sheet's name (at most 31 characters; longer ones are cut).</param>
    public static byte[] Write(DownloadTable table, Func<string, string> heading, string sheetName = "Datos")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(heading);
        // Positional keys: two columns with the same heading must stay two columns.
        var keys = table.Columns.Select((_, i) => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                cells[keys[i]] = Cell(row[i]);
            }
            return cells;
        }).ToList();
        var columns = keys.Select((key, i) => new DynamicExcelColumn(key)
        {
            Name = heading(table.Columns[i]),
            Index = i,
            Format = FormatOf(table.Rows.Select(r => r[i]).FirstOrDefault(v => v is not null)),
            Width = 18,
        }).ToArray();
        var configuration = new OpenXmlConfiguration { DynamicColumns = columns, AutoFilter = true };

        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            // MiniExcel takes the header from the first row: an empty table is written as its headings alone.
            var headings = keys.Select((k, i) => (k, (object?)columns[i].Name)).ToDictionary(x => x.k, x => x.Item2, StringComparer.Ordinal);
            stream.SaveAs(new[] { headings }, printHeader: false, sheetName: SheetName(sheetName), configuration: configuration);
        }
        else
        {
            stream.SaveAs(rows, sheetName: SheetName(sheetName), configuration: configuration);
        }
        return stream.ToArray();
    }

    /// <summary>The value of a cell as the sheet stores it: numbers and dates typed, everything else neutralised text.</summary>
    public static object? Cell(object? value) => value switch
    {
        null => null,
        decimal or int or long or short or double => value,
        DateTime utc => LimaTime.ToLima(utc),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => CsvWriter.Neutralise(CsvWriter.Format(value)),
    };

    private static string? FormatOf(object? sample) => sample switch
    {
        decimal or double => DecimalFormat,
        DateTime => InstantFormat,
        DateOnly => DateFormat,
        _ => null,
    };

    private static string SheetName(string name) => name.Length <= 31 ? name : name[..31];
}
