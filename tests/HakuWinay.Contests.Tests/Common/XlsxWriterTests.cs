using System.IO.Compression;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using MiniExcelLibs;

namespace HakuWinay.Contests.Tests.Common;

public sealed class XlsxWriterTests
{
    private static readonly DownloadTable Sample = DownloadTable.Of(
        ["grupo", "monto_solicitado", "hogares", "fecha_de_envio_lima"],
        [
            ["Asociación Ñaupa Pacha", 7500.5m, 5, new DateTime(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc)],
            ["=HYPERLINK(\"http://x\")", -20m, 3, null],
        ]);

    private static string Heading(string key) => "H:" + key;

    private static List<IDictionary<string, object?>> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private static string SheetXml(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void The_sheet_has_the_headings_and_the_rows_of_the_table()
    {
        var rows = Read(XlsxWriter.Write(Sample, Heading));

        Assert.Equal(2, rows.Count);
        Assert.Equal(["H:grupo", "H:monto_solicitado", "H:hogares", "H:fecha_de_envio_lima"], rows[0].Keys);
        Assert.Equal("Asociación Ñaupa Pacha", rows[0]["H:grupo"]);
    }

    [Fact]
    public void Amounts_and_counts_are_numbers_and_instants_are_lima_dates()
    {
        var rows = Read(XlsxWriter.Write(Sample, Heading));

        Assert.Equal(7500.5, Assert.IsType<double>(rows[0]["H:monto_solicitado"]));
        Assert.Equal(-20.0, Assert.IsType<double>(rows[1]["H:monto_solicitado"]));
        Assert.Equal(5.0, Convert.ToDouble(rows[0]["H:hogares"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2026, 3, 2, 9, 30, 0), Assert.IsType<DateTime>(rows[0]["H:fecha_de_envio_lima"]));
        Assert.Null(rows[1]["H:fecha_de_envio_lima"]);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_stays_text_with_the_csv_apostrophe()
    {
        var bytes = XlsxWriter.Write(Sample, Heading);

        Assert.Equal("'=HYPERLINK(\"http://x\")", Read(bytes)[1]["H:grupo"]);
        Assert.DoesNotMatch(new Regex("<(x:)?f[ >]"), SheetXml(bytes));
    }

    [Fact]
    public void An_empty_table_still_has_its_headings()
    {
        var bytes = XlsxWriter.Write(DownloadTable.Of(["a", "b"], []), Heading);

        using var stream = new MemoryStream(bytes);
        var all = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Single(all);
        Assert.Equal(["H:a", "H:b"], all[0].Values);
    }

    [Fact]
    public void A_row_with_a_missing_cell_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DownloadTable.Of(["a", "b"], [["uno"]]));
    }
}
