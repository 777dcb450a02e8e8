using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// How the portal sends a file it keeps for certain people only (an attachment, an agreement, a
/// voucher, a receipt, a photo): never sniffed by the browser, never kept by a shared cache.
/// With a download name it is an attachment; without one it is shown inline.
/// </summary>
internal static class PrivateFiles
{
    public static IResult Send(HttpContext http, string path, string contentType, string? downloadName = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return Microsoft.AspNetCore.Http.Results.File(path, contentType, downloadName);
    }

    /// <summary>
    /// Sends a stored file as a download named by the portal, "<paramref name="stem"/>" plus the
    /// extension of the type detected at upload, never by what the uploader called it.
    /// </summary>
    public static IResult SendAs(HttpContext http, string path, string contentType, string stem) =>
        Send(http, path, contentType, stem + ExtensionOf(contentType));

    /// <summary>
    /// Shows a stored image inline, named by the portal like <see cref="SendAs"/>, so that a
    /// browser's "save image" gets that name and the detected type's extension.
    /// </summary>
    public static IResult ShowAs(HttpContext http, string path, string contentType, string stem)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition
        {
            Inline = true,
            FileName = stem + ExtensionOf(contentType),
        }.ToString();
        return Send(http, path, contentType);
    }

    private static string ExtensionOf(string contentType) =>
        Enum.GetValues<AttachmentKind>().Where(kind => AttachmentFile.ContentType(kind) == contentType)
            .Select(AttachmentFile.Extension).FirstOrDefault() ?? ".bin";
}
