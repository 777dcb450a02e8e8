using System.Buffers;
using System.Globalization;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// The Admin's CSV of paper scores, <c>profile_code,stage_code,juror_email,criterion_code,points,comment</c>
/// (see docs/score-sheets.md), read in two pure steps: <see cref="ParseAsync"/> checks the file's
/// form (encoding, delimiter, header, each value's shape), then <see cref="Validate"/> checks each
/// row against what the contest holds. Each step answers every row or none: any error rejects the
/// whole file, with every error numbered by its row.
/// </summary>
public static class ScoreSheetCsv
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;

    /// <summary>Past this many errors the rest are only counted: a wrong file need not list 20,000 lines.</summary>
    public const int MaxErrorsListed = 200;

    public const int MaxCodeLength = 40;
    public const int MaxEmailLength = 254;
    private const int MaxPointsLength = 20;

    public static IReadOnlyList<string> Columns { get; } = ["profile_code", "stage_code", "juror_email", "criterion_code", "points", "comment"];

    /// <summary>
    /// The optional seventh column (issue 17): on a field-stage row, the DNIs of the member households
    /// present, separated by spaces, or <see cref="NobodyPresent"/>; empty leaves attendance as it is.
    /// </summary>
    public const string AttendanceColumn = "present_dnis";

    /// <summary>What the attendance column says when no household came.</summary>
    public const string NobodyPresent = "ninguna";

    private const int MaxAttendanceLength = FieldAttendanceRules.MaxListLength * 2;

    /// <summary>Reads an uploaded file (at most <see cref="MaxBytes"/>, read asynchronously as browser uploads require) and parses it.</summary>
    public static async Task<ScoreSheetCsvResult> ParseAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // One byte past the limit tells "too large" without reading the rest of an oversized upload.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        var length = 0;
        try
        {
            int read;
            while (length <= MaxBytes
                && (read = await stream.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            // The upload's text must not linger in a shared buffer.
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses a whole file's bytes: either every data row, or the errors and no row.</summary>
    public static ScoreSheetCsvResult Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return ScoreSheetCsvResult.Failure(new ScoreSheetCsvError(null, "ScoreSheet.FileTooLarge", MaxBytes / (1024 * 1024)));
        }
        if (!ScoreSheetCsvDecoding.TryDecode(bytes, out var text, out var decodingError))
        {
            return ScoreSheetCsvResult.Failure(decodingError!);
        }
        return ParseText(text);
    }

    /// <summary>Checks parsed rows against the contest; see <see cref="ScoreSheetCsvValidator"/>.</summary>
    public static ScoreSheetCsvValidation Validate(IReadOnlyList<ScoreSheetCsvRow> rows, ScoreSheetCsvContext context) =>
        new ScoreSheetCsvValidator(context).Validate(rows);

    private static ScoreSheetCsvResult ParseText(string text)
    {
        var delimiter = ScoreSheetCsvReader.DetectDelimiter(text);
        var reader = new ScoreSheetCsvReader(text, delimiter);
        var fields = new List<string>(Columns.Count);
        if (!ReadNonBlank(reader, fields, out var unclosed))
        {
            return ScoreSheetCsvResult.Failure(new ScoreSheetCsvError(null, "ScoreSheet.Empty"));
        }
        var headerRow = reader.Row;
        if (unclosed)
        {
            return ScoreSheetCsvResult.Failure(new ScoreSheetCsvError(headerRow, "ScoreSheet.UnclosedQuote"));
        }
        var headerErrors = new List<ScoreSheetCsvError>();
        var order = ReadHeader(fields, headerRow, headerErrors);
        if (headerErrors.Count > 0)
        {
            return ScoreSheetCsvResult.Failure(headerErrors);
        }

        var rows = new List<ScoreSheetCsvRow>();
        var errors = new ErrorList();
        while (ReadNonBlank(reader, fields, out unclosed))
        {
            if (unclosed)
            {
                errors.Add(new(reader.Row, "ScoreSheet.UnclosedQuote"));
                break;
            }
            if (rows.Count + errors.RowsWithErrors >= MaxRows)
            {
                return ScoreSheetCsvResult.Failure(new ScoreSheetCsvError(null, "ScoreSheet.TooManyRows", MaxRows));
            }
            var before = errors.Count;
            var row = ReadRow(reader.Row, fields, order, delimiter, errors);
            if (errors.Count == before)
            {
                rows.Add(row!);
            }
            else
            {
                errors.RowsWithErrors++;
            }
        }
        if (errors.Count > 0)
        {
            return ScoreSheetCsvResult.Failure(errors.ToList());
        }
        return rows.Count > 0
            ? ScoreSheetCsvResult.Success(rows)
            : ScoreSheetCsvResult.Failure(new ScoreSheetCsvError(null, "ScoreSheet.NoRows"));
    }

    /// <summary>Reads the next record that is not blank: empty lines and rows of empty cells (as Excel writes them) are skipped.</summary>
    private static bool ReadNonBlank(ScoreSheetCsvReader reader, List<string> fields, out bool unclosed)
    {
        while (reader.TryRead(fields, out unclosed))
        {
            if (unclosed || fields.Exists(f => !string.IsNullOrWhiteSpace(f)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Where each expected column is in the file; the header must hold exactly the expected set, in any order and case.</summary>
    private static int[] ReadHeader(List<string> fields, int row, List<ScoreSheetCsvError> errors)
    {
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        // The six columns, then where the optional attendance column is (−1 when the file has none).
        var order = Columns.Append(AttendanceColumn).Select(c => names.IndexOf(c)).ToArray();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        var unknown = names.Where(n => !Columns.Contains(n) && n != AttendanceColumn).Select(n => n.Length == 0 ? "\"\"" : Shorten(n)).Distinct().ToList();
        var repeated = names.Where(n => Columns.Contains(n) || n == AttendanceColumn).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(row, "ScoreSheet.HeaderMissingColumns", string.Join(", ", missing)));
        }
        if (unknown.Count > 0)
        {
            errors.Add(new(row, "ScoreSheet.HeaderUnknownColumns", string.Join(", ", unknown)));
        }
        if (repeated.Count > 0)
        {
            errors.Add(new(row, "ScoreSheet.HeaderRepeatedColumns", string.Join(", ", repeated)));
        }
        return order;
    }

    private static ScoreSheetCsvRow? ReadRow(int row, List<string> fields, int[] order, char delimiter, ErrorList errors)
    {
        var expected = Columns.Count + (order[^1] >= 0 ? 1 : 0);
        if (fields.Count != expected)
        {
            errors.Add(new(row, "ScoreSheet.WrongColumnCount", fields.Count, expected));
            return null;
        }
        var before = errors.Count;
        var profile = Code(row, fields[order[0]], Columns[0], errors);
        var stage = Code(row, fields[order[1]], Columns[1], errors);
        var email = Email(row, fields[order[2]], errors);
        var criterion = Code(row, fields[order[3]], Columns[3], errors);
        var points = Points(row, fields[order[4]], delimiter, errors);
        var comment = Comment(row, fields[order[5]], errors);
        var present = order[^1] >= 0 ? Attendance(row, fields[order[^1]], errors) : null;
        return errors.Count == before ? new(row, profile, stage, email, criterion, points, comment, present) : null;
    }

    private static string Code(int row, string value, string column, ErrorList errors)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            errors.Add(new(row, "ScoreSheet.Required", column));
        }
        else if (value.Length > MaxCodeLength)
        {
            errors.Add(new(row, "ScoreSheet.TooLong", column, MaxCodeLength));
        }
        else if (HasControlCharacters(value, allowLineBreaks: false))
        {
            errors.Add(new(row, "ScoreSheet.ControlCharacters", column));
        }
        return value;
    }

    private static string Email(int row, string value, ErrorList errors)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            errors.Add(new(row, "ScoreSheet.Required", Columns[2]));
        }
        else if (value.Length > MaxEmailLength || !EmailAddress.IsValid(value))
        {
            errors.Add(new(row, "ScoreSheet.InvalidEmail", Shorten(value)));
        }
        return value;
    }

    /// <summary>
    /// A plain decimal number: digits with at most one decimal separator, a dot, or also a comma
    /// when the file is semicolon-separated. A minus sign is read so Validate can say "below zero".
    /// </summary>
    private static decimal Points(int row, string value, char delimiter, ErrorList errors)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            errors.Add(new(row, "ScoreSheet.Required", Columns[4]));
            return 0m;
        }
        var normalized = delimiter == ';' ? value.Replace(',', '.') : value;
        if (value.Length <= MaxPointsLength
            && decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points))
        {
            return points;
        }
        errors.Add(delimiter == ',' && value.Contains(',', StringComparison.Ordinal)
            ? new(row, "ScoreSheet.PointsDecimalComma", Shorten(value))
            : new(row, "ScoreSheet.PointsNotANumber", Shorten(value)));
        return 0m;
    }

    /// <summary>
    /// The attendance cell: empty (null: not given on this row), "ninguna" (nobody came), or DNIs of
    /// eight digits separated by spaces, each once. Anything else is refused with the value shown.
    /// </summary>
    private static IReadOnlyList<string>? Attendance(int row, string value, ErrorList errors)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (value.Length > MaxAttendanceLength)
        {
            errors.Add(new(row, "ScoreSheet.TooLong", AttendanceColumn, MaxAttendanceLength));
            return null;
        }
        if (string.Equals(value, NobodyPresent, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var dnis = value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var before = errors.Count;
        foreach (var dni in dnis.Where(d => !FieldAttendanceRules.IsDni(d)).Distinct())
        {
            errors.Add(new(row, "ScoreSheet.AttendanceNotADni", Shorten(dni)));
        }
        foreach (var dni in dnis.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(new(row, "ScoreSheet.AttendanceRepeated", Shorten(dni)));
        }
        return errors.Count == before ? [.. dnis.Order(StringComparer.Ordinal)] : null;
    }

    /// <summary>Kept as text, formula-looking or not (=, +, -, @): the portal never evaluates it.</summary>
    private static string Comment(int row, string value, ErrorList errors)
    {
        value = value.Trim();
        if (value.Length > ScoreRules.MaxCriterionCommentLength)
        {
            errors.Add(new(row, "ScoreSheet.TooLong", Columns[5], ScoreRules.MaxCriterionCommentLength));
        }
        else if (HasControlCharacters(value, allowLineBreaks: true))
        {
            errors.Add(new(row, "ScoreSheet.ControlCharacters", Columns[5]));
        }
        return value;
    }

    private static bool HasControlCharacters(string value, bool allowLineBreaks)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(c == '\t' || (allowLineBreaks && c == '\n')))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What a message repeats of a value the file holds: at most 40 characters.</summary>
    internal static string Shorten(string value) => value.Length <= 40 ? value : value[..39] + "…";

    /// <summary>The errors of a file, listing the first <see cref="MaxErrorsListed"/> and counting the rest.</summary>
    internal sealed class ErrorList
    {
        private readonly List<ScoreSheetCsvError> _listed = [];
        private int _unlisted;

        public int Count => _listed.Count + _unlisted;
        public int RowsWithErrors { get; set; }

        public void Add(ScoreSheetCsvError error)
        {
            if (_listed.Count < MaxErrorsListed)
            {
                _listed.Add(error);
            }
            else
            {
                _unlisted++;
            }
        }

        public List<ScoreSheetCsvError> ToList() =>
            _unlisted == 0 ? [.. _listed] : [.. _listed, new ScoreSheetCsvError(null, "ScoreSheet.MoreErrors", _unlisted)];
    }
}
