using System.Globalization;
using System.Text;

namespace HakuWinay.Contests.Common;

/// <summary>
/// CSV that Excel opens correctly in Peru: UTF-8 with a byte-order mark (accents intact),
/// comma-separated, fields quoted when needed. Cells that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
/// </summary>
public static class CsvWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(DownloadTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Write(table.Columns, table.Rows);
    }

    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row.Select(Format));
        }
        var preamble = Utf8WithBom.GetPreamble();
        var body = Utf8WithBom.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateTime t => LimaTime.Format(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            text.Append(Escape(cell));
        }
        text.Append("\r\n");
    }

    /// <summary>
    /// The text a spreadsheet shows as text and never runs: a cell starting with =, +, -, @, tab or
    /// carriage return gets a leading apostrophe. The Excel downloads apply the same rule to their text cells.
    /// </summary>
    public static string Neutralise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
    }

    private static string Escape(string cell)
    {
        cell = Neutralise(cell);
        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
    }
}
