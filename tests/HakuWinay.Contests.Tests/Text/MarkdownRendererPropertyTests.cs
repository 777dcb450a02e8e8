using CsCheck;
using HakuWinay.Contests.Text;

namespace HakuWinay.Contests.Tests.Text;

/// <summary>Whatever a group or an admin types, the rendered HTML never runs script.</summary>
public sealed class MarkdownRendererPropertyTests
{
    // Pieces of Markdown, HTML and address syntax that attacks are made of, so random text
    // combines them far more often than uniformly random characters would.
    private static readonly Gen<string> Fragment = Gen.OneOf(
        "<", ">", "</", "/>", "\"", "'", "`", "=", " ", "\t", "\n", "\n\n", "\r\n", "\0", "\\",
        "[", "]", "(", ")", "![", "](", "]:", "[r]", "[r]: ", "<>", "{", "}", "#", "*", "_", "~~", "|", "---", "- ", "1. ", "> ", "- [ ] ",
        "javascript:", "JaVaScRiPt:", "java\tscript:", "java\nscript:", " javascript:", "vbscript:", "data:", "data:text/html;base64,",
        "alert(1)", "&#58;", "&#x3A;", "&colon;", "&#106;", "&lt;", "&amp;", "%3A",
        "script", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">",
        "onerror=", "onclick=", " onmouseover=", "style=", "{onclick=alert(1)}",
        "http://x.pe", "https://x.pe/a?b=c#d", "mailto:a@x.pe", "www.x.pe", "a@x.pe", "/ruta", "ruta:con:colon",
        "texto", "Quinua", "ñ", "é");

    private static readonly Gen<string> MarkdownLike = Gen.Frequency(
        (6, Fragment.Array[0, 40].Select(parts => string.Concat(parts))),
        (1, Gen.String[0, 200]));

    [Fact]
    public void Random_text_never_renders_a_script_an_event_handler_or_a_script_address()
    {
        MarkdownLike.Sample(markdown => HtmlAssert.IsInert(MarkdownRenderer.ToHtml(markdown)), iter: 5_000);
    }

    [Fact]
    public void Plain_text_never_carries_markup_the_author_did_not_type()
    {
        // Without '<' or '&' in the source, any '<' in the plain text would be a tag the renderer wrote.
        var withoutAngles = MarkdownLike.Select(markdown => markdown.Replace("<", "", StringComparison.Ordinal).Replace("&", "", StringComparison.Ordinal));

        withoutAngles.Sample(markdown => Assert.DoesNotContain('<', MarkdownRenderer.ToPlainText(markdown)), iter: 2_000);
    }

    [Fact]
    public void Plain_text_of_any_text_keeps_its_words()
    {
        // Whatever the markup, the words typed outside it reach the email: a plain word never disappears.
        MarkdownLike.Select(markdown => markdown + "\n\nquinua").Sample(
            markdown => Assert.Contains("quinua", MarkdownRenderer.ToPlainText(markdown), StringComparison.Ordinal), iter: 2_000);
    }
}
