using System.Text;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Tests.Common;

public sealed class CsvWriterTests
{
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

    [Fact]
    public void The_file_starts_with_a_utf8_byte_order_mark_so_excel_keeps_the_accents()
    {
        var bytes = CsvWriter.Write(["grupo"], [["Asociación Ñaupa Pacha"]]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("grupo\r\nAsociación Ñaupa Pacha\r\n", Text(bytes));
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted()
    {
        var text = Text(CsvWriter.Write(["a", "b", "c"], [["uno, dos", "dijo \"sí\"", "línea\nnueva"]]));

        Assert.Equal("a,b,c\r\n\"uno, dos\",\"dijo \"\"sí\"\"\",\"línea\nnueva\"\r\n", text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"\"http://x\"\")")]
    [InlineData("+51 999", "'+51 999")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_neutralised(string cell, string expected)
    {
        var line = Text(CsvWriter.Write(["x"], [[cell]])).Split("\r\n")[1];

        Assert.Equal(expected.Contains('"', StringComparison.Ordinal) ? $"\"{expected}\"" : expected, line);
    }

    [Fact]
    public void Amounts_have_a_dot_and_two_decimals_and_instants_are_shown_in_lima()
    {
        var text = Text(CsvWriter.Write(["monto", "fecha"], [[7500m, new DateTime(2026, 12, 23, 22, 59, 0, DateTimeKind.Utc)]]));

        Assert.Equal("monto,fecha\r\n7500.00,23/12/2026 17:59\r\n", text);
    }
}
