using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HakuWinay.Contests.Web.Tests.Programme;

/// <summary>
/// Every CSV download and its Excel twin, fetched from the same portal: the Excel file opens with
/// MiniExcel and holds the CSV's rows, under Spanish headings, with numbers and Lima dates as
/// typed cells and formula-like text neutralised as the CSV neutralises it.
/// </summary>
public sealed partial class ExcelDownloadsTests(ProgrammePortal portal) : IClassFixture<ProgrammePortal>
{
    /// <summary>Every table with a CSV download (grep CsvWriter / text/csv / ".csv" in src): a new one needs a line here.</summary>
    public static TheoryData<string> CsvDownloads => new()
    {
        "/contests/{code}/results/ranking.csv",
        "/contests/{code}/results/scores.csv",
        "/admin/contests/{id}/results/preview/ranking.csv",
        "/admin/contests/{id}/results/preview/scores.csv",
        "/admin/contests/{id}/results/dashboard/lines.csv",
        "/admin/contests/{id}/results/dashboard/districts.csv",
        "/admin/contests/{id}/results/dashboard/shares.csv",
        "/admin/contests/{id}/execution.csv",
        "/admin/contests/{id}/submissions.csv",
        "/admin/programme/regions.csv",
        "/admin/programme/shares.csv",
        "/admin/programme/regions.csv?year=2025&category=IDEA",
    };

    [Theory]
    [MemberData(nameof(CsvDownloads))]
    public async Task The_excel_download_holds_the_same_rows_as_the_csv_under_spanish_headings(string template)
    {
        var (csv, xlsx) = await BothAsync(portal.Url(template));

        Assert.True(csv.Count > 1, $"{template} has no row to compare");
        Assert.Equal(csv.Count, xlsx.Count);
        var spanish = Spanish();
        Assert.Equal(csv[0].Select(key => TableFiles.Heading(spanish, key)), xlsx[0].Select(h => h as string));
        Assert.All(csv[0], key => Assert.False(spanish["Column." + key].ResourceNotFound, $"Column {key} has no Spanish heading"));
        for (var r = 1; r < csv.Count; r++)
        {
            Assert.Equal(csv[r].Count, xlsx[r].Count);
            for (var c = 0; c < csv[r].Count; c++)
            {
                AssertSameCell(csv[r][c], xlsx[r][c], $"{template} row {r} column {csv[0][c]}");
            }
        }
    }

    [Fact]
    public async Task Money_and_dates_are_typed_cells_in_the_submissions_sheet()
    {
        var (csv, xlsx) = await BothAsync(portal.Url("/admin/contests/{id}/submissions.csv"));
        var amount = csv[0].IndexOf("monto_solicitado");
        var sent = csv[0].IndexOf("fecha_de_envio_lima");

        Assert.All(xlsx.Skip(1), row => Assert.IsType<double>(row[amount]));
        Assert.All(xlsx.Skip(1).Where(row => row[sent] is not null), row => Assert.IsType<DateTime>(row[sent]));
        Assert.Contains(xlsx.Skip(1), row => row[sent] is DateTime);
    }

    [Fact]
    public async Task A_group_named_as_a_formula_stays_text_in_both_files()
    {
        var url = portal.Url("/admin/contests/{id}/submissions.csv");
        var (csv, xlsx) = await BothAsync(url);
        var group = csv[0].IndexOf("grupo");
        var neutralised = "'" + ProgrammePortal.FormulaName;

        Assert.Contains(csv.Skip(1), row => row[group] == neutralised);
        Assert.Contains(xlsx.Skip(1), row => row[group] as string == neutralised);
        var bytes = await portal.Admin.GetByteArrayAsync(TableFiles.XlsxLink(url));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.DoesNotMatch(FormulaElement(), await sheet.ReadToEndAsync());
    }

    [Theory]
    [InlineData("/admin/contests/{id}/execution.pdf")]
    [InlineData("/admin/contests/{id}/results/dashboard/lines.xls")]
    [InlineData("/admin/programme/secrets.xlsx")]
    [InlineData("/contests/{code}/results/ranking.XLSX.exe")]
    public async Task Another_format_or_table_is_no_such_file(string template)
    {
        using var response = await portal.Admin.GetAsync(portal.Url(template));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/programme/regions.xlsx?year=20x6", "year")]
    [InlineData("/admin/programme/regions.xlsx?region=%3Cscript%3E", "region")]
    [InlineData("/admin/programme/shares.csv?line=CUYES%27%20OR%201%3D1", "line")]
    [InlineData("/admin/programme/shares.xlsx?category=IDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEAIDEA", "category")]
    public async Task A_malformed_filter_is_refused_with_its_name(string url, string name)
    {
        using var response = await portal.Admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_downloads_of_one_table_get_the_same_file_contents()
    {
        var url = portal.Url("/admin/contests/{id}/execution.xlsx");

        var files = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var bytes = await portal.Admin.GetByteArrayAsync(url);
            using var stream = new MemoryStream(bytes);
            return string.Join("\n", stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => string.Join("|", r.Values)));
        }));

        Assert.Single(files.Distinct());
        Assert.Contains("Sección", files[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_file_is_an_attachment_never_sniffed_nor_cached()
    {
        using var response = await portal.Admin.GetAsync(portal.Url("/admin/contests/{id}/execution.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    private async Task<(List<List<string>> Csv, List<List<object?>> Xlsx)> BothAsync(string csvUrl)
    {
        using var csvResponse = await portal.Admin.GetAsync(csvUrl);
        using var xlsxResponse = await portal.Admin.GetAsync(TableFiles.XlsxLink(csvUrl));
        Assert.True(csvResponse.StatusCode == HttpStatusCode.OK, $"{csvUrl}: {(int)csvResponse.StatusCode}");
        Assert.True(xlsxResponse.StatusCode == HttpStatusCode.OK, $"{TableFiles.XlsxLink(csvUrl)}: {(int)xlsxResponse.StatusCode}");
        Assert.Equal(XlsxWriter.ContentType, xlsxResponse.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(row => row.Values.ToList()).ToList();
        return (ParseCsv(text), sheet);
    }

    private IStringLocalizer Spanish()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("es-PE");
        return portal.Portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    /// <summary>The same value: text exactly; numbers as the CSV writes them (two decimals); instants as the CSV's Lima time.</summary>
    private static void AssertSameCell(string csv, object? xlsx, string where)
    {
        switch (xlsx)
        {
            case null:
                Assert.True(csv.Length == 0, $"{where}: CSV has \"{csv}\", Excel is empty");
                break;
            case double or decimal or int or long:
                var number = Convert.ToDecimal(xlsx, CultureInfo.InvariantCulture);
                // The CSV neutralises a negative number's leading "-" as text; the Excel cell is a number.
                Assert.True(decimal.TryParse(csv.TrimStart('\''), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed), $"{where}: CSV \"{csv}\" is not a number");
                Assert.True(Math.Round(number, 2) == parsed, $"{where}: CSV {parsed}, Excel {number}");
                break;
            case DateTime date:
                Assert.Equal(csv, date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
                break;
            default:
                Assert.True(csv == xlsx.ToString(), $"{where}: CSV \"{csv}\", Excel \"{xlsx}\"");
                break;
        }
        if (TwoDecimals().IsMatch(csv))
        {
            Assert.True(xlsx is double or decimal, $"{where}: \"{csv}\" should be a number cell");
        }
        if (LimaInstant().IsMatch(csv))
        {
            Assert.True(xlsx is DateTime, $"{where}: \"{csv}\" should be a date cell");
        }
    }

    /// <summary>RFC 4180 as CsvWriter writes it: quoted fields with doubled quotes, CRLF between records.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') { quoted = false; }
                else { cell.Append(ch); }
            }
            else if (ch == '"') { quoted = true; }
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else { cell.Append(ch); }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }
        return rows;
    }

    [GeneratedRegex("^'?-?[0-9]+\\.[0-9]{2}$")]
    private static partial Regex TwoDecimals();

    [GeneratedRegex("^[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}$")]
    private static partial Regex LimaInstant();

    [GeneratedRegex("<(x:)?f[ >]")]
    private static partial Regex FormulaElement();
}
