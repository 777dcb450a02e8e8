using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HakuWinay.Contests.Text;

/// <summary>
/// The one way Markdown becomes HTML in the portal. Raw HTML is disabled (it is shown as text),
/// and links or images whose address is not http, https, mailto or relative are neutralised,
/// so a contest's bases or a profile's text can never run script in a reader's browser.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
            if (link.Reference is { } reference && !IsSafeUrl(reference.Url))
            {
                reference.Url = "#";
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>Plain text for email bodies and previews: Markdown without its markup, links with their addresses.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : MarkdownPlainText.Render(Markdown.Parse(markdown, Pipeline));

    /// <summary>
    /// Text that Markdown shows exactly as written: every ASCII punctuation character is
    /// backslash-escaped (CommonMark allows it for all of them) and line breaks become spaces, so a
    /// value put into Markdown (a setting filling the bases) can add no emphasis, link, list or heading.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var escaped = new System.Text.StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }
            if (char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so we do too.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }
        var firstSeparator = compact.IndexOfAny(['/', '?', '#']);
        if (firstSeparator >= 0 && firstSeparator < colon)
        {
            return true; // a relative path whose later part contains a colon
        }
        var scheme = compact[..colon].ToUpperInvariant();
        return scheme is "HTTP" or "HTTPS" or "MAILTO";
    }
}
