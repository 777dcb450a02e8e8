using System.Net;
using System.Text.RegularExpressions;

namespace HakuWinay.Contests.Tests.Text;

/// <summary>
/// Checks rendered HTML the way a browser would read it: every tag, every attribute, every address.
/// Rendered text escapes '&lt;', so each '&lt;' left in the output must open a real tag.
/// </summary>
internal static partial class HtmlAssert
{
    // The attributes the renderer is expected to write; anything else (onerror, style...) is a leak.
    private static readonly HashSet<string> KnownAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "alt", "title", "class", "id", "type", "disabled", "checked", "start", "style",
    };

    private static readonly HashSet<string> SafeSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    [GeneratedRegex("""\G<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""")]
    private static partial Regex Tag();

    [GeneratedRegex("""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")]
    private static partial Regex Attribute();

    /// <summary>Fails unless the HTML holds no script, no event handler and no address a browser would run.</summary>
    public static void IsInert(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (var tag in Tags(html))
        {
            Assert.NotEqual("script", tag.Groups[2].Value, StringComparer.OrdinalIgnoreCase);
            foreach (Match attribute in Attribute().Matches(tag.Groups[3].Value))
            {
                var name = attribute.Groups[1].Value.ToLowerInvariant();
                Assert.True(KnownAttributes.Contains(name), $"Unexpected attribute '{name}' in {tag.Value}");
                if (name is "href" or "src")
                {
                    var value = attribute.Groups[2].Value + attribute.Groups[3].Value + attribute.Groups[4].Value;
                    Assert.True(IsSafeAddress(value), $"Unsafe address in {tag.Value}");
                }
            }
        }
    }

    /// <summary>The addresses (href and src) of every tag, decoded as a browser decodes them.</summary>
    public static IReadOnlyList<string> Addresses(string html) =>
        [.. Tags(html)
            .SelectMany(tag => Attribute().Matches(tag.Groups[3].Value))
            .Where(a => a.Groups[1].Value is "href" or "src")
            .Select(a => WebUtility.HtmlDecode(a.Groups[2].Value + a.Groups[3].Value + a.Groups[4].Value))];

    private static IEnumerable<Match> Tags(string html)
    {
        for (var at = html.IndexOf('<', StringComparison.Ordinal); at >= 0; at = html.IndexOf('<', at + 1))
        {
            var tag = Tag().Match(html, at);
            Assert.True(tag.Success, $"A '<' that opens no well-formed tag at {at}: {html[at..Math.Min(html.Length, at + 60)]}");
            yield return tag;
        }
    }

    private static bool IsSafeAddress(string attributeValue)
    {
        // Browsers decode entities, then drop tabs, newlines and other controls and spaces inside a scheme.
        var url = new string([.. WebUtility.HtmlDecode(attributeValue).Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }
        var separator = url.IndexOfAny(['/', '?', '#']);
        return (separator >= 0 && separator < colon) || SafeSchemes.Contains(url[..colon]);
    }
}
