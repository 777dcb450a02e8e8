using HakuWinay.Contests.Common;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>The two files of a downloadable table: the CSV (scripts, the ministry's tools) and its Excel twin (people).</summary>
public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// How the portal sends a table: one endpoint per table answers both <c>….csv</c> and <c>….xlsx</c>
/// (its route ends in <c>.{format}</c>), so the two files share their access rule, rate limit and
/// rows by construction. Either is an attachment the browser never sniffs; the Excel headings are
/// the column keys' texts (<c>Column.&lt;key&gt;</c>) in the reader's language, Spanish by default.
/// </summary>
public static class TableFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Reads the <c>{format}</c> of an address: "csv" or "xlsx" (any case); anything else is no such file.</summary>
    public static bool TryParse(string? format, out TableFormat parsed)
    {
        parsed = TableFormat.Csv;
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            parsed = TableFormat.Xlsx;
            return true;
        }
        return false;
    }

    /// <summary>Sends <paramref name="table"/> as <paramref name="format"/>, named <paramref name="stem"/> (the download's name without extension, e.g. "postulaciones-AYA-2026-01").</summary>
    public static IResult Send(HttpContext http, DownloadTable table, TableFormat format, string stem)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(table);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!http.Response.Headers.ContainsKey("Cache-Control"))
        {
            http.Response.Headers.CacheControl = "private, no-store";
        }
        if (format == TableFormat.Csv)
        {
            return Microsoft.AspNetCore.Http.Results.File(CsvWriter.Write(table), CsvContentType, stem + ".csv");
        }
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return Microsoft.AspNetCore.Http.Results.File(XlsxWriter.Write(table, key => Heading(localizer, key)), XlsxWriter.ContentType, stem + ".xlsx");
    }

    /// <summary>The Excel heading of a column key; a key without a text yet keeps its CSV name rather than failing the download.</summary>
    public static string Heading(IStringLocalizer localizer, string key)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer["Column." + key];
        return text.ResourceNotFound ? key : text.Value;
    }

    /// <summary>The Excel twin's address of a CSV link (the query string kept), for the link beside it.</summary>
    public static string XlsxLink(string csvLink)
    {
        ArgumentNullException.ThrowIfNull(csvLink);
        var query = csvLink.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? csvLink : csvLink[..query];
        var rest = query < 0 ? "" : csvLink[query..];
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? path[..^4] + ".xlsx" + rest : csvLink;
    }
}
