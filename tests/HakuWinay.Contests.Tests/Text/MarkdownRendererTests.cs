using HakuWinay.Contests.Text;

namespace HakuWinay.Contests.Tests.Text;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Headings_lists_and_emphasis_are_rendered()
    {
        var html = MarkdownRenderer.ToHtml("""
            # Bases del concurso

            ## Requisitos

            - Grupo de **3 a 6** hogares
            - Línea productiva *elegible*

            1. Registrar el grupo
            2. Presentar el perfil
            """);

        Assert.Contains("<h1>Bases del concurso</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Requisitos</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Grupo de <strong>3 a 6</strong> hogares</li>", html, StringComparison.Ordinal);
        Assert.Contains("<em>elegible</em>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Presentar el perfil</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipe_table_is_rendered_as_a_table()
    {
        var html = MarkdownRenderer.ToHtml("""
            | Categoría | Monto |
            |---|--:|
            | Negocio en idea | S/ 7,500.00 |
            """);

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Categoría</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Negocio en idea</td>", html, StringComparison.Ordinal);
        Assert.Contains("S/ 7,500.00</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Strikethrough_and_task_list_are_rendered()
    {
        var html = MarkdownRenderer.ToHtml("~~plazo anterior~~\n\n- [x] DNI de cada socio\n- [ ] Acta de constitución");

        Assert.Contains("<del>plazo anterior</del>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        HtmlAssert.IsInert(html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Nothing_renders_as_nothing(string? markdown)
    {
        Assert.Equal("", MarkdownRenderer.ToHtml(markdown));
        Assert.Equal("", MarkdownRenderer.ToPlainText(markdown));
    }

    [Fact]
    public void Raw_script_is_shown_as_text()
    {
        var html = MarkdownRenderer.ToHtml("<script>alert(1)</script>");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        HtmlAssert.IsInert(html);
    }

    [Fact]
    public void Raw_html_block_is_shown_as_text()
    {
        var html = MarkdownRenderer.ToHtml("<div onclick=\"alert(1)\">\n\n*hola*\n\n</div>");

        Assert.Contains("&lt;div onclick=&quot;alert(1)&quot;&gt;", html, StringComparison.Ordinal);
        HtmlAssert.IsInert(html);
    }

    [Fact]
    public void Image_tag_with_an_event_handler_is_shown_as_text()
    {
        var html = MarkdownRenderer.ToHtml("Foto: <img src=x onerror=alert(1)>");

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        HtmlAssert.IsInert(html);
    }

    [Theory]
    [InlineData("[bases](javascript:alert(1))")]
    [InlineData("[bases](JaVaScRiPt:alert(1))")]
    [InlineData("[bases](<java\tscript:alert(1)>)")]
    [InlineData("[bases](<java\nscript:alert(1)>)")]
    [InlineData("[bases](java\tscript:alert(1))")]
    [InlineData("[bases](javascript&#58;alert(1))")]
    [InlineData("[bases](&#106;avascript:alert(1))")]
    [InlineData("[bases](vbscript:msgbox(1))")]
    [InlineData("[bases](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[bases](  javascript:alert(1) \"título\")")]
    [InlineData("![foto](javascript:alert(1))")]
    [InlineData("![foto](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[bases][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("[bases][]\n\n[bases]: JAVASCRIPT:alert(1)")]
    [InlineData("[bases]\n\n[bases]: javascript:alert(1) \"título\"")]
    [InlineData("![foto][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("<data:text/html;base64,PHNjcmlwdD4=>")]
    [InlineData("- [ ] [tarea](javascript:alert(1))")]
    [InlineData("| a |\n|---|\n| [x](javascript:alert(1)) |")]
    public void Link_or_image_to_a_script_address_is_neutralised(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        HtmlAssert.IsInert(html);
        Assert.DoesNotContain("script:", string.Join(' ', HtmlAssert.Addresses(html)), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", string.Join(' ', HtmlAssert.Addresses(html)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[sitio](http://www.foncodes.gob.pe)", "http://www.foncodes.gob.pe")]
    [InlineData("[bases](https://www.foncodes.gob.pe/bases.pdf?v=2#anexo)", "https://www.foncodes.gob.pe/bases.pdf?v=2#anexo")]
    [InlineData("[escríbanos](mailto:concursos@foncodes.gob.pe)", "mailto:concursos@foncodes.gob.pe")]
    [InlineData("[MAYÚSCULAS](HTTPS://www.foncodes.gob.pe)", "HTTPS://www.foncodes.gob.pe")]
    [InlineData("[bases](/concursos/3/bases)", "/concursos/3/bases")]
    [InlineData("[anexo](anexos/formato-1.pdf)", "anexos/formato-1.pdf")]
    [InlineData("[hora](docs/reunion-10:30.pdf)", "docs/reunion-10:30.pdf")]
    [InlineData("[arriba](#requisitos)", "#requisitos")]
    [InlineData("![logo](/img/logo.png)", "/img/logo.png")]
    [InlineData("[bases][r]\n\n[r]: https://www.foncodes.gob.pe/bases", "https://www.foncodes.gob.pe/bases")]
    [InlineData("<https://www.foncodes.gob.pe>", "https://www.foncodes.gob.pe")]
    [InlineData("<concursos@foncodes.gob.pe>", "mailto:concursos@foncodes.gob.pe")]
    [InlineData("Vea www.foncodes.gob.pe", "http://www.foncodes.gob.pe")]
    public void Safe_link_keeps_its_address(string markdown, string address)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.Equal([address], HtmlAssert.Addresses(html));
        HtmlAssert.IsInert(html);
    }

    [Fact]
    public void Neutralised_link_keeps_its_text()
    {
        var html = MarkdownRenderer.ToHtml("Lea las [bases del concurso](javascript:alert(1)).");

        Assert.Contains(">bases del concurso</a>", html, StringComparison.Ordinal);
        Assert.Equal(["#"], HtmlAssert.Addresses(html));
    }

    [Fact]
    public void Link_title_cannot_break_out_of_its_attribute()
    {
        var html = MarkdownRenderer.ToHtml("[bases](https://x.pe \"a\\\" onmouseover=\\\"alert(1)\")");

        HtmlAssert.IsInert(html);
        Assert.Contains("&quot; onmouseover=&quot;alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_syntax_is_not_an_extension_of_this_pipeline()
    {
        var html = MarkdownRenderer.ToHtml("# Bases {onclick=alert(1)}\n\n[x](https://x.pe){onmouseover=alert(1)}");

        HtmlAssert.IsInert(html);
    }

    [Fact]
    public void Plain_text_drops_the_markup()
    {
        var text = MarkdownRenderer.ToPlainText("""
            # Resultados

            Su perfil **Cuyes Quinua** obtuvo *78 puntos*. Vea el [acta](https://www.foncodes.gob.pe/acta).

            - Etapa de campo
            - Sesión pública
            """);

        Assert.Equal(
            "Resultados\n\nSu perfil Cuyes Quinua obtuvo 78 puntos. Vea el acta (https://www.foncodes.gob.pe/acta).\n\n- Etapa de campo\n- Sesión pública",
            text);
    }

    [Theory]
    [InlineData("Abra <https://portal.pe/account/set-password/u1?token=a%2Bb&x=1>", "Abra https://portal.pe/account/set-password/u1?token=a%2Bb&x=1")]
    [InlineData("Abra [este enlace](https://portal.pe/p?a=1&b=2)", "Abra este enlace (https://portal.pe/p?a=1&b=2)")]
    [InlineData("Vea https://portal.pe/p?a=1&b=2 hoy", "Vea https://portal.pe/p?a=1&b=2 hoy")]
    [InlineData("[https://portal.pe](https://portal.pe)", "https://portal.pe")]
    public void Plain_text_keeps_every_link_address_whole(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.ToPlainText(markdown));
    }

    [Theory]
    [InlineData("~~~~")]
    [InlineData("```\n```")]
    [InlineData("    ")]
    public void Plain_text_of_an_empty_code_block_is_empty(string markdown)
    {
        Assert.Equal("", MarkdownRenderer.ToPlainText(markdown));
    }

    [Fact]
    public void Plain_text_keeps_the_lines_of_a_code_block()
    {
        Assert.Equal("uno\ndos", MarkdownRenderer.ToPlainText("```\nuno\ndos\n```"));
    }

    [Fact]
    public void Plain_text_drops_the_address_of_a_script_link()
    {
        Assert.Equal("Haga clic aquí", MarkdownRenderer.ToPlainText("Haga clic [aquí](javascript:alert(1))"));
    }

    [Fact]
    public void Plain_text_numbers_ordered_lists_and_keeps_table_cells_apart()
    {
        var text = MarkdownRenderer.ToPlainText("""
            1. Firma del convenio
            2. Primer desembolso

            | Tramo | Monto |
            |---|---|
            | 1 | S/ 5,250.00 |
            """);

        Assert.Equal("1. Firma del convenio\n2. Primer desembolso\n\nTramo | Monto\n1 | S/ 5,250.00", text);
    }

    [Fact]
    public void Plain_text_keeps_line_breaks_inside_a_paragraph()
    {
        Assert.Equal("Lugar: Quinua\nHora: 09:00", MarkdownRenderer.ToPlainText("Lugar: Quinua\nHora: 09:00"));
    }
}
