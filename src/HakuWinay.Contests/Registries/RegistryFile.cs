using System.Globalization;
using HakuWinay.Contests.Judging;
using MiniExcelLibs;

namespace HakuWinay.Contests.Registries;

/// <summary>An error of a padrón file: its row (a spreadsheet's row number; null for the whole file), the text key and its values.</summary>
public sealed record RegistryError(int? Row, string Rule, params object[] Arguments);

/// <summary>A file read as a table of text cells: the header and each non-blank row with its row number.</summary>
public sealed record RegistryTable(int HeaderRow, IReadOnlyList<string> Header, IReadOnlyList<RegistryTableRow> Rows);

public sealed record RegistryTableRow(int Row, IReadOnlyList<string> Cells);

/// <summary>
/// Reads a padrón as the programme's staff send it: a CSV (UTF-8 or Windows-1252, comma or
/// semicolon, read by the score sheets' decoder and reader) or an Excel workbook (.xlsx, its first
/// sheet, through MiniExcel). Every cell becomes text as it is written, so a cell that looks like a
/// formula ("=HIPERVINCULO(…)") stays text and is never evaluated; numbers Excel keeps as numbers
/// (a DNI typed as a number loses its leading zero) are written back as digits.
/// </summary>
public static class RegistryFile
{
    public const int MaxBytes = 25 * 1024 * 1024;
    public const int MaxRows = 200_000;

    public static (RegistryTable? Table, RegistryError? Error) Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return (null, new RegistryError(null, "Registry.FileTooLarge", MaxBytes / (1024 * 1024)));
        }
        if (bytes.IsEmpty)
        {
            return (null, new RegistryError(null, "Registry.Empty"));
        }
        return bytes.StartsWith("PK\u0003\u0004"u8) ? ReadWorkbook(bytes.ToArray()) : ReadCsv(bytes);
    }

    private static (RegistryTable?, RegistryError?) ReadCsv(ReadOnlySpan<byte> bytes)
    {
        if (!ScoreSheetCsvDecoding.TryDecode(bytes, out var text, out _))
        {
            // An old .xls, a PDF, an image, UTF-16: not a file the import reads.
            return (null, new RegistryError(null, "Registry.NotCsvOrXlsx"));
        }
        var reader = new ScoreSheetCsvReader(text, ScoreSheetCsvReader.DetectDelimiter(text));
        var fields = new List<string>();
        var rows = new List<RegistryTableRow>();
        int? headerRow = null;
        IReadOnlyList<string> header = [];
        while (reader.TryRead(fields, out var unclosed))
        {
            if (unclosed)
            {
                return (null, new RegistryError(reader.Row, "Registry.UnclosedQuote"));
            }
            if (fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (headerRow is null)
            {
                headerRow = reader.Row;
                header = [.. fields];
                continue;
            }
            if (rows.Count >= MaxRows)
            {
                return (null, new RegistryError(null, "Registry.TooManyRows", MaxRows));
            }
            rows.Add(new RegistryTableRow(reader.Row, [.. fields]));
        }
        return headerRow is null ? (null, new RegistryError(null, "Registry.Empty")) : (new RegistryTable(headerRow.Value, header, rows), null);
    }

    private static (RegistryTable?, RegistryError?) ReadWorkbook(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var rows = new List<RegistryTableRow>();
            int? headerRow = null;
            IReadOnlyList<string> header = [];
            var number = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                var cells = row.Values.Select(Text).ToList();
                if (cells.TrueForAll(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (headerRow is null)
                {
                    headerRow = number;
                    header = cells;
                    continue;
                }
                if (rows.Count >= MaxRows)
                {
                    return (null, new RegistryError(null, "Registry.TooManyRows", MaxRows));
                }
                rows.Add(new RegistryTableRow(number, cells));
            }
            return headerRow is null ? (null, new RegistryError(null, "Registry.Empty")) : (new RegistryTable(headerRow.Value, header, rows), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            // A damaged workbook, a .docx or any other zip: refused as a whole, nothing read.
            return (null, new RegistryError(null, "Registry.NotCsvOrXlsx"));
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => n.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
