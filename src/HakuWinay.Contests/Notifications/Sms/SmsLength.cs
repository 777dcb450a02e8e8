namespace HakuWinay.Contests.Notifications.Sms;

public enum SmsEncoding
{
    Gsm7 = 0,
    Ucs2 = 1,
}

/// <summary>How a text travels: its encoding, its length in that encoding's units, and how many SMS it takes.</summary>
public readonly record struct SmsMeasure(SmsEncoding Encoding, int Units, int Parts);

/// <summary>
/// Counts SMS parts the way the network does (3GPP TS 23.038 / 23.040). A text made only of the
/// GSM-7 default alphabet travels in 7-bit units: 160 in one SMS, 153 per part when split (the
/// concatenation header takes 7). Characters of the extension table (€ [ ] { } \ ^ ~ |, form
/// feed) take two units. One character outside both tables makes the whole text UCS-2: 70 UTF-16
/// units in one SMS, 67 per part. Spanish is only partly GSM-7 (ñ é ü ¿ ¡ are; á í ó ú are not),
/// which is why <see cref="ToGsm7"/> folds those four vowels before a text is queued.
/// </summary>
public static class SmsLength
{
    public const int Gsm7Single = 160;
    public const int Gsm7PerPart = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2PerPart = 67;

    // The GSM 03.38 default alphabet, in table order (0x1B, the escape, is left out).
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    public static bool IsGsm7(char c) => Basic.Contains(c, StringComparison.Ordinal);

    public static bool IsGsm7Extension(char c) => Extension.Contains(c, StringComparison.Ordinal);

    public static SmsMeasure Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var septets = 0;
        foreach (var c in text)
        {
            if (IsGsm7(c))
            {
                septets++;
            }
            else if (IsGsm7Extension(c))
            {
                septets += 2;
            }
            else
            {
                return Of(SmsEncoding.Ucs2, text.Length, Ucs2Single, Ucs2PerPart);
            }
        }
        return Of(SmsEncoding.Gsm7, septets, Gsm7Single, Gsm7PerPart);
    }

    private static SmsMeasure Of(SmsEncoding encoding, int units, int single, int perPart) =>
        new(encoding, units, units == 0 ? 1 : units <= single ? 1 : (units + perPart - 1) / perPart);

    /// <summary>
    /// Replaces á í ó ú (and capitals, and the few other Latin letters absent from GSM-7) with their
    /// plain vowel, so an everyday Spanish text stays in 160-character GSM-7 rather than falling to
    /// 70-character UCS-2. Anything else stays as written and is counted as it is.
    /// </summary>
    public static string ToGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'á' or 'â' or 'ã' => 'a',
                'í' or 'î' or 'ï' => 'i',
                'ó' or 'ô' or 'õ' => 'o',
                'ú' or 'û' => 'u',
                'ê' or 'ë' => 'e',
                'Á' or 'À' or 'Â' or 'Ã' => 'A',
                'Í' or 'Ì' or 'Î' or 'Ï' => 'I',
                'Ó' or 'Ò' or 'Ô' or 'Õ' => 'O',
                'Ú' or 'Ù' or 'Û' => 'U',
                'È' or 'Ê' or 'Ë' => 'E',
                '\u2019' or '\u2018' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                var c => c,
            };
        }
        return new string(chars);
    }
}
