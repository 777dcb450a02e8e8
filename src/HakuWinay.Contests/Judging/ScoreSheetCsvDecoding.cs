using System.Text;
using System.Text.Unicode;

namespace HakuWinay.Contests.Judging;

/// <summary>
/// Turns an uploaded file's bytes into text. Excel in Peru saves "CSV UTF-8" (with a byte-order
/// mark) or plain "CSV", which is Windows-1252 (Latin-1 with a few more signs): bytes that are
/// valid UTF-8 are read as UTF-8, others as Windows-1252, so "Ñahui" and "Huamán" keep their
/// accents either way. What neither reads cleanly (UTF-16, a workbook, binary) is refused with the
/// advice to save as CSV UTF-8, rather than imported with broken letters.
/// </summary>
internal static class ScoreSheetCsvDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The code-pages provider is part of the shared framework; asking it directly avoids
    // registering it for the whole process.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out ScoreSheetCsvError? error)
    {
        text = "";
        error = null;
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            error = new(null, "ScoreSheet.Workbook");
            return false;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.Contains((byte)0))
        {
            error = new(null, "ScoreSheet.UnreadableEncoding");
            return false;
        }
        var hasBom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var body = hasBom ? bytes[3..] : bytes;
        if (Utf8.IsValid(body))
        {
            text = StrictUtf8.GetString(body);
            return true;
        }
        if (hasBom)
        {
            // A byte-order mark promises UTF-8: broken bytes after it are a damaged file, not Latin-1.
            error = new(null, "ScoreSheet.UnreadableEncoding");
            return false;
        }
        if (LooksLikeUtf8Accents(body))
        {
            // Part UTF-8, part Latin-1 (text pasted from elsewhere): either reading garbles some accents.
            error = new(null, "ScoreSheet.UnreadableEncoding");
            return false;
        }
        text = Windows1252.GetString(body);
        // The five bytes Windows-1252 leaves undefined come out as C1 controls: not a Windows-1252 file.
        if (text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') >= 0)
        {
            text = "";
            error = new(null, "ScoreSheet.UnreadableEncoding");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Whether invalid UTF-8 still holds UTF-8's two-byte Latin letters (0xC3 then 0x80–0xBF: á, é,
    /// ñ, Ñ…). In Windows-1252 those pairs read "Ã" and a sign, which Spanish text does not write.
    /// </summary>
    private static bool LooksLikeUtf8Accents(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.IndexOf((byte)0xC3); i >= 0 && i < bytes.Length - 1; i = NextC3(bytes, i + 1))
        {
            if (bytes[i + 1] is >= 0x80 and <= 0xBF)
            {
                return true;
            }
        }
        return false;
    }

    private static int NextC3(ReadOnlySpan<byte> bytes, int from)
    {
        var next = bytes[from..].IndexOf((byte)0xC3);
        return next < 0 ? -1 : from + next;
    }
}
