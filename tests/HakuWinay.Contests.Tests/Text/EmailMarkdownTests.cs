using HakuWinay.Contests.Text;

namespace HakuWinay.Contests.Tests.Text;

public sealed class EmailMarkdownTests
{
    [Theory]
    [InlineData("Grupo [verifique su cuenta](https://evil.example/login)")]
    [InlineData("![foto](https://evil.example/p.png)")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("https://evil.example/login")]
    [InlineData("www.evil.example")]
    [InlineData("**negrita** _cursiva_ `código` ~~tachado~~")]
    [InlineData("# Título\n- lista\n1. uno\n    código\n---\n> cita\n| a | b |")]
    [InlineData("&lt;b&gt; &amp; \\ [x]: https://evil.example")]
    public void A_value_renders_as_exactly_its_text_with_no_markup(string value)
    {
        EmailMarkdown body = $"Estimado(a) {value}:";

        var html = MarkdownRenderer.ToHtml(body.ToString());

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<blockquote", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var lines = value.Split('\n').Select(l => l.TrimStart());
        Assert.Equal($"Estimado(a) {string.Join("\n", lines)}:", MarkdownRenderer.ToPlainText(body.ToString()).Trim());
    }

    [Fact]
    public void The_portal_s_own_markdown_and_links_stay_live()
    {
        var verdict = EmailMarkdown.Trusted("fue declarado **elegible**");
        const string link = "https://concursos.example/account/set-password?token=a_b-c";
        EmailMarkdown body = $"Su perfil {verdict}.\n\n<{link:url}>\n\n[Abrir]({link:url})";

        var html = MarkdownRenderer.ToHtml(body.ToString());

        Assert.Contains("<strong>elegible</strong>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("href=\"" + link + "\"").Length - 1);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://a.example/x> [y](https://evil.example)")]
    [InlineData("//evil.example/x")]
    [InlineData("data:text/html,<b>x</b>")]
    public void A_url_that_is_not_a_plain_http_address_or_path_links_nowhere(string url)
    {
        EmailMarkdown body = $"[Abrir]({url:url})";

        var html = MarkdownRenderer.ToHtml(body.ToString());

        Assert.Contains("href=\"#\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_and_dates_are_formatted_in_the_invariant_culture()
    {
        EmailMarkdown body = $"{1234.5m:0.00} el {new DateOnly(2026, 3, 9):dd/MM/yyyy}";

        Assert.Equal("1234.50 el 09/03/2026", MarkdownRenderer.ToPlainText(body.ToString()).Trim());
    }
}
