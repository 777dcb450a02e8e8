using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HakuWinay.Contests.Results.Package;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785 (JCS): object members sorted by their names'
/// UTF-16 code units, no whitespace, strings escaped only where JSON requires it (everything else
/// literal UTF-8), numbers as ECMAScript writes them (shortest form). The results package's hash is
/// the SHA-256 of these bytes, so anyone can re-check it with any JCS implementation.
/// </summary>
public static class JsonCanonicalizer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses JSON text and returns its canonical UTF-8 bytes; malformed JSON or a lone surrogate throws <see cref="FormatException"/>.</summary>
    public static byte[] Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return Canonicalize(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException("Not valid JSON: " + e.Message, e);
        }
    }

    public static byte[] Canonicalize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { AllowDuplicateProperties = false });
        return Canonicalize(document.RootElement);
    }

    public static byte[] Canonicalize(JsonElement element)
    {
        var output = new ArrayBufferWriter<byte>();
        Write(element, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A number as ECMAScript's Number.prototype.toString writes it (RFC 8785 section 3.2.2.3); NaN and infinities have no JSON form.</summary>
    public static string SerializeNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new FormatException($"{value.ToString(CultureInfo.InvariantCulture)} has no JSON form (RFC 8785 rejects NaN and Infinity).");
        }
        if (value == 0)
        {
            return "0"; // also -0
        }
        // .NET's "R" gives the shortest digits that round-trip, as ECMAScript requires; only the layout differs.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var pointAt = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = pointAt < 0 ? mantissa : mantissa.Remove(pointAt, 1);
        // n: the position of the decimal point relative to the digits (value = 0.digits × 10^n).
        var n = (pointAt < 0 ? mantissa.Length : pointAt) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..].TrimEnd('0');
        n -= leading;
        var k = digits.Length;

        var result = new StringBuilder(32);
        if (negative)
        {
            result.Append('-');
        }
        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }
            result.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    private static void Write(JsonElement element, ArrayBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                foreach (var property in element.EnumerateObject())
                {
                    members.Add((ReadName(property), property.Value));
                }
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                for (var i = 1; i < members.Count; i++)
                {
                    if (string.Equals(members[i - 1].Name, members[i].Name, StringComparison.Ordinal))
                    {
                        throw new FormatException($"The member name \"{members[i].Name}\" occurs twice in one object.");
                    }
                }
                Append(output, "{");
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        Append(output, ",");
                    }
                    WriteString(members[i].Name, output);
                    Append(output, ":");
                    Write(members[i].Value, output);
                }
                Append(output, "}");
                break;
            case JsonValueKind.Array:
                Append(output, "[");
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        Append(output, ",");
                    }
                    first = false;
                    Write(item, output);
                }
                Append(output, "]");
                break;
            case JsonValueKind.String:
                WriteString(ReadString(element), output);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new FormatException($"The number {element.GetRawText()} is outside the range of an IEEE 754 double.");
                }
                Append(output, SerializeNumber(number));
                break;
            case JsonValueKind.True:
                Append(output, "true");
                break;
            case JsonValueKind.False:
                Append(output, "false");
                break;
            case JsonValueKind.Null:
                Append(output, "null");
                break;
            default:
                throw new FormatException($"Unexpected JSON value kind {element.ValueKind}.");
        }
    }

    private static string ReadName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("A member name holds invalid UTF-16 (a lone surrogate), which RFC 8785 rejects.", e);
        }
    }

    private static string ReadString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("A string holds invalid UTF-16 (a lone surrogate), which RFC 8785 rejects.", e);
        }
    }

    private static void WriteString(string value, ArrayBufferWriter<byte> output)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
        try
        {
            Append(output, text.ToString());
        }
        catch (EncoderFallbackException e)
        {
            throw new FormatException("A string holds invalid UTF-16 (a lone surrogate), which RFC 8785 rejects.", e);
        }
    }

    private static void Append(ArrayBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(StrictUtf8.GetMaxByteCount(text.Length));
        output.Advance(StrictUtf8.GetBytes(text, span));
    }
}
