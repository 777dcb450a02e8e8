using System.Text;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// Splits CSV text into records (RFC 4180): fields separated by the delimiter, records by CRLF, LF
/// or CR; a field in double quotes may hold delimiters, line breaks (kept as LF) and quotes written
/// twice. Like Excel it is lenient where RFC 4180 is silent: a quote inside an unquoted field is
/// kept as a character, and text right after a closing quote joins the field. The one error is a
/// quote never closed, which would swallow the rest of the file.
/// </summary>
internal sealed class ScoreSheetCsvReader(string text, char delimiter)
{
    private readonly StringBuilder _quoted = new();
    private int _position;

    /// <summary>The number of the record last read, counting from 1 (a spreadsheet's row number).</summary>
    public int Row { get; private set; }

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>; false at the end of the text.
    /// <paramref name="unclosedQuote"/> is set when the record's quote never closes (the record is then the last).
    /// </summary>
    public bool TryRead(List<string> fields, out bool unclosedQuote)
    {
        fields.Clear();
        unclosedQuote = false;
        if (_position >= text.Length)
        {
            return false;
        }
        Row++;
        while (true)
        {
            var atFieldStart = true;
            _quoted.Clear();
            var quoted = false;
            var start = _position;
            while (_position < text.Length)
            {
                var c = text[_position];
                if (atFieldStart && c == '"')
                {
                    quoted = true;
                    _position++;
                    if (!ReadQuoted())
                    {
                        unclosedQuote = true;
                        fields.Add(_quoted.ToString());
                        return true;
                    }
                    start = _position;
                    atFieldStart = false;
                    continue;
                }
                atFieldStart = false;
                if (c == delimiter || c is '\r' or '\n')
                {
                    break;
                }
                _position++;
            }
            var tail = text.AsSpan(start, _position - start);
            fields.Add(quoted ? _quoted.Append(tail).ToString() : tail.ToString());
            if (_position >= text.Length)
            {
                return true;
            }
            var end = text[_position++];
            if (end == delimiter)
            {
                continue;
            }
            if (end == '\r' && _position < text.Length && text[_position] == '\n')
            {
                _position++;
            }
            return true;
        }
    }

    /// <summary>Reads a quoted field's content after its opening quote, through its closing quote.</summary>
    private bool ReadQuoted()
    {
        while (_position < text.Length)
        {
            var next = text.IndexOfAny(['"', '\r'], _position);
            if (next < 0)
            {
                break;
            }
            _quoted.Append(text, _position, next - _position);
            _position = next + 1;
            if (text[next] == '\r')
            {
                // CRLF and a lone CR inside a cell both become LF.
                _quoted.Append('\n');
                if (_position < text.Length && text[_position] == '\n')
                {
                    _position++;
                }
                continue;
            }
            if (_position < text.Length && text[_position] == '"')
            {
                _quoted.Append('"');
                _position++;
                continue;
            }
            return true;
        }
        _quoted.Append(text, _position, text.Length - _position);
        _position = text.Length;
        return false;
    }

    /// <summary>
    /// The delimiter of a file, from its first line: a semicolon when it has more semicolons than
    /// commas (Excel's CSV where the decimal separator is a comma), otherwise a comma.
    /// </summary>
    public static char DetectDelimiter(string text)
    {
        var commas = 0;
        var semicolons = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                break;
            }
            else if (!inQuotes && c == ',')
            {
                commas++;
            }
            else if (!inQuotes && c == ';')
            {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
