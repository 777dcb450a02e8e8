using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace HakuWinay.Contests.Text;

/// <summary>
/// The Markdown of an email body, written as an interpolated string whose values are text: each
/// value is escaped, so a group named <c>Grupo [verifique](https://evil.example)</c> reads as
/// those characters and never becomes a link, an image, emphasis or a heading (issue 15).
/// <list type="bullet">
/// <item><c>{value}</c>: any value, formatted in the invariant culture (with its format if given),
/// every ASCII punctuation mark backslash-escaped, line breaks turned into spaces; escaping the
/// dots and colons also keeps bare addresses such as <c>https://evil.example</c> from being linked.</item>
/// <item><c>{url:url}</c>: an absolute http(s) address (or a path) the portal built, inserted as
/// it is (inside <c>&lt;…&gt;</c> or <c>(…)</c> in the template); anything else becomes <c>#</c>.</item>
/// <item><c>{markdown}</c> where the value is itself an <see cref="EmailMarkdown"/>: inserted as
/// it is, already safe.</item>
/// </list>
/// </summary>
[InterpolatedStringHandler]
public sealed class EmailMarkdown
{
    private readonly StringBuilder _markdown;

    public EmailMarkdown(int literalLength, int formattedCount)
    {
        _markdown = new StringBuilder(literalLength + (formattedCount * 16));
    }

    private EmailMarkdown(string markdown)
    {
        _markdown = new StringBuilder(markdown);
    }

    /// <summary>Markdown written by the portal itself, with no user value in it.</summary>
    public static EmailMarkdown Trusted(string markdown) => new(markdown);

    /// <summary>Joins pieces already made safe.</summary>
    public static EmailMarkdown Join(string separator, IEnumerable<EmailMarkdown> pieces) =>
        new(string.Join(separator, pieces.Select(p => p.ToString())));

    public void AppendLiteral(string literal) => _markdown.Append(literal);

    public void AppendFormatted(EmailMarkdown? markdown)
    {
        if (markdown is not null)
        {
            _markdown.Append(markdown._markdown);
        }
    }

    public void AppendFormatted(string? value, string? format = null)
    {
        if (value is null)
        {
            return;
        }
        if (format == "url")
        {
            // Escaping cannot neutralise a link's destination (CommonMark undoes the escapes there),
            // so an address that is not plainly safe becomes no address at all.
            _markdown.Append(IsSafeUrl(value) ? value : "#");
            return;
        }
        AppendEscaped(value);
    }

    public void AppendFormatted<T>(T value, string? format = null)
    {
        var text = value is IFormattable formattable
            ? formattable.ToString(format, CultureInfo.InvariantCulture)
            : value?.ToString();
        if (text is not null)
        {
            AppendEscaped(text);
        }
    }

    public override string ToString() => _markdown.ToString();

    /// <summary>The text of <paramref name="value"/> as Markdown that renders exactly those characters.</summary>
    public static string Escape(string value)
    {
        var escaped = new EmailMarkdown(value.Length, 1);
        escaped.AppendEscaped(value);
        return escaped.ToString();
    }

    private void AppendEscaped(string value)
    {
        var lineStart = true;
        foreach (var c in value.ReplaceLineEndings("\n"))
        {
            if (c == '\n')
            {
                // A line break stays one (the pipeline renders it as <br>); the next line's indent is
                // dropped, so four spaces never make a code block.
                _markdown.Append('\n');
                lineStart = true;
                continue;
            }
            if (lineStart && char.IsWhiteSpace(c))
            {
                continue;
            }
            lineStart = false;
            if (char.IsAsciiLetterOrDigit(c) || !char.IsAscii(c) || char.IsWhiteSpace(c))
            {
                _markdown.Append(c);
            }
            else if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                _markdown.Append('\\').Append(c);
            }
            // Other ASCII control characters are dropped.
        }
    }

    /// <summary>An absolute http(s) address, or a path of the portal (a Development run with no request behind it).</summary>
    private static bool IsSafeUrl(string value) =>
        value.Length > 0
        && value.All(c => char.IsAsciiLetterOrDigit(c) || "/:.-_~?=&%#+@,;".Contains(c))
        && (Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp
            : value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal));
}
