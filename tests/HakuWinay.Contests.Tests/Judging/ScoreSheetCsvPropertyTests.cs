using System.Globalization;
using System.Text;
using CsCheck;
using HakuWinay.Contests.Judging;
using static HakuWinay.Contests.Tests.Judging.ScoreSheetCsvSamples;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>Whatever a spreadsheet writes (delimiter, encoding, line ending, quoting), the parser reads back the values.</summary>
public sealed class ScoreSheetCsvPropertyTests
{
    // Pieces that trouble CSV: delimiters, quotes, line breaks, accents, formula signs.
    private static readonly Gen<string> Comment = Gen.OneOf(
            ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "=", "+", "-", "@", "'", "Ñahui", "Huamán", "años", "ü", "¿qué?", "7,5", "texto", "SUMA(A1)")
        .Array[0, 12].Select(parts => string.Concat(parts));

    private static readonly Gen<(decimal Points, string Comment, bool Quote)> Row =
        Gen.Select(Gen.Int[0, 20], Comment, Gen.Bool, (halves, comment, quote) => (halves / 2m, comment, quote));

    private static readonly Gen<Sheet> Sheets = Gen.Select(
        Row.Array[1, 20],
        Gen.OneOf(',', ';'),
        Gen.OneOf("\r\n", "\n"),
        Gen.OneOf(Written.Utf8, Written.Utf8WithBom, Written.Latin1),
        (rows, delimiter, lineBreak, encoding) => new Sheet(rows, delimiter, lineBreak, encoding));

    public enum Written
    {
        Utf8,
        Utf8WithBom,
        Latin1,
    }

    public sealed record Sheet((decimal Points, string Comment, bool Quote)[] Rows, char Delimiter, string LineBreak, Written Encoding)
    {
        public byte[] Bytes()
        {
            var text = new StringBuilder(string.Join(Delimiter, ScoreSheetCsv.Columns)).Append(LineBreak);
            for (var i = 0; i < Rows.Length; i++)
            {
                var (points, comment, quote) = Rows[i];
                var shownPoints = Delimiter == ';' && i % 2 == 0
                    ? points.ToString(CultureInfo.InvariantCulture).Replace('.', ',')
                    : points.ToString(CultureInfo.InvariantCulture);
                string[] cells = ["AYA-2026-01-001", "CAMPO", Juror(1), $"C{i + 1}", shownPoints, comment];
                text.AppendJoin(Delimiter, cells.Select(c => Escape(c, quote))).Append(LineBreak);
            }
            var s = text.ToString();
            return Encoding switch
            {
                Written.Utf8 => System.Text.Encoding.UTF8.GetBytes(s),
                Written.Utf8WithBom => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(s)],
                _ => System.Text.Encoding.Latin1.GetBytes(s),
            };
        }

        private string Escape(string cell, bool quote) =>
            quote || cell.IndexOfAny([Delimiter, '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    [Fact]
    public void Every_value_written_by_a_spreadsheet_reads_back()
    {
        Sheets.Sample(sheet =>
        {
            var result = ScoreSheetCsv.Parse(sheet.Bytes());

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(sheet.Rows.Length, result.Rows.Count);
            for (var i = 0; i < sheet.Rows.Length; i++)
            {
                var expectedComment = sheet.Rows[i].Comment.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
                Assert.Equal(($"C{i + 1}", sheet.Rows[i].Points, expectedComment), (result.Rows[i].CriterionCode, result.Rows[i].Points, result.Rows[i].Comment));
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Row_numbers_count_records_not_lines()
    {
        Sheets.Sample(sheet =>
        {
            var rows = ScoreSheetCsv.Parse(sheet.Bytes()).Rows;

            Assert.Equal(Enumerable.Range(2, sheet.Rows.Length), rows.Select(r => r.Row));
        }, iter: 1_000);
    }

    [Fact]
    public void Any_bytes_give_rows_or_errors_never_an_exception_or_both()
    {
        var bytes = Gen.Frequency(
            (3, Sheets.Select(s => s.Bytes()).SelectMany(b => Gen.Int[0, b.Length].Select(cut => b[..cut]))),
            (1, Gen.Byte.Array[0, 400]));

        bytes.Sample(file =>
        {
            var result = ScoreSheetCsv.Parse(file);

            Assert.True(result.Rows.Count == 0 || result.Errors.Count == 0);
            Assert.True(result.Rows.Count > 0 || result.Errors.Count > 0);
            Assert.All(result.Errors, e => Assert.NotEmpty(ScoreSheetCsvMessages.Spanish(e)));
        }, iter: 3_000);
    }
}
