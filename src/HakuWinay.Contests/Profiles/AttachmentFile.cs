namespace HakuWinay.Contests.Profiles;

/// <summary>The kinds of file a profile accepts, decided by their first bytes, never by their name.</summary>
public enum AttachmentKind
{
    Pdf = 0,
    Jpeg = 1,
    Png = 2,
}

/// <summary>The rules for attached files, as pure functions: size, count, kind by content, a safe display name.</summary>
public static class AttachmentFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerProfile = 10;

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int SignatureLength = 8;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The kind of file whose content starts with <paramref name="head"/>, or null when it is none we accept.</summary>
    public static AttachmentKind? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(PdfSignature) ? AttachmentKind.Pdf
        : head.StartsWith(JpegSignature) ? AttachmentKind.Jpeg
        : head.StartsWith(PngSignature) ? AttachmentKind.Png
        : null;

    public static string ContentType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Extension(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => ".pdf",
        AttachmentKind.Jpeg => ".jpg",
        AttachmentKind.Png => ".png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The name to show for an uploaded file, or null when the name is refused: empty, too long,
    /// with a path ("../", "C:\", "/etc/…"), control characters, or only dots. A browser sends a
    /// bare name, so anything else is an attempt we refuse rather than repair.
    /// </summary>
    public static string? DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Trim();
        if (name.Length == 0 || name.Length > ProfileAttachment.MaxFileNameLength)
        {
            return null;
        }
        if (name.Any(c => char.IsControl(c) || c is '/' or '\\' or ':' or '<' or '>' or '"' or '|' or '?' or '*')
            || name.Contains("..", StringComparison.Ordinal) || name.Trim('.').Length == 0)
        {
            return null;
        }
        return name;
    }
}
