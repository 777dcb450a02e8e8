using AngleSharp.Dom;
using Bunit;
using HakuWinay.Contests.Web.Components.Shared;
using static HakuWinay.Contests.Web.Tests.Components.Shared.MarkdownEditorHost;

namespace HakuWinay.Contests.Web.Tests.Components.Shared;

public sealed class MarkdownEditorTests : FormComponentTestBase
{
    private IRenderedComponent<MarkdownEditorHost> RenderEditor(
        TextModel model, int? maxLength = null, MarkdownPreviewMode mode = MarkdownPreviewMode.Responsive) =>
        Render<MarkdownEditorHost>(p => p
            .Add(h => h.Model, model)
            .Add(h => h.MaxLength, maxLength)
            .Add(h => h.PreviewMode, mode));

    private static IElement Preview(IRenderedComponent<MarkdownEditorHost> cut) => cut.Find(".markdown-preview");

    [Fact]
    public void The_preview_renders_a_heading_a_list_and_bold_text()
    {
        var cut = RenderEditor(new TextModel { Text = "# Bases\n\n- Cuyes\n- Quesos\n\nPlazo **improrrogable**." });

        var preview = Preview(cut);
        Assert.Equal("Bases", preview.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Cuyes", "Quesos"], preview.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal("improrrogable", preview.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public void The_preview_follows_the_text_as_it_is_typed()
    {
        var cut = RenderEditor(new TextModel());
        Assert.Equal("Aquí verá su texto tal como se publicará.", Preview(cut).TextContent.Trim());

        cut.Find("textarea").Input("## Presupuesto");
        Assert.Equal("Presupuesto", Preview(cut).QuerySelector("h2")!.TextContent);

        cut.Find("textarea").Input("## Presupuesto\n\n- Semillas");
        Assert.Equal("Semillas", Preview(cut).QuerySelector("li")!.TextContent);
    }

    [Fact]
    public void Typed_text_reaches_the_bound_model_and_marks_the_field_modified()
    {
        var model = new TextModel();
        var cut = RenderEditor(model);

        cut.Find("textarea").Input("Crianza de cuyes");

        Assert.Equal("Crianza de cuyes", model.Text);
        Assert.Contains("modified", cut.Find("textarea").ClassList);
        Assert.Contains("form-control", cut.Find("textarea").ClassList);
    }

    [Fact]
    public void Typed_script_raw_html_and_javascript_links_stay_inert_in_the_preview()
    {
        var cut = RenderEditor(new TextModel());

        cut.Find("textarea").Input("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))");

        var preview = Preview(cut);
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Empty(preview.QuerySelectorAll("img"));
        Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
        Assert.Equal("#", preview.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("javascript", preview.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_counter_shows_the_length_against_the_limit_and_the_text_box_enforces_it()
    {
        var cut = RenderEditor(new TextModel(), maxLength: 2000);

        cut.Find("textarea").Input(new string('a', 123));

        var counter = cut.Find("[data-testid=markdown-counter]");
        Assert.Equal("123 / 2000", counter.TextContent.Trim());
        Assert.DoesNotContain("text-danger", counter.ClassList);
        Assert.Equal("2000", cut.Find("textarea").GetAttribute("maxlength"));
    }

    [Fact]
    public void Text_over_the_limit_turns_the_counter_red_and_says_so()
    {
        var cut = RenderEditor(new TextModel { Text = "Doce letras." }, maxLength: 10);

        var counter = cut.Find("[data-testid=markdown-counter]");
        Assert.Contains("text-danger", counter.ClassList);
        Assert.StartsWith("12 / 10", counter.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("El texto supera el límite de caracteres.", counter.QuerySelector(".visually-hidden")!.TextContent);
    }

    [Fact]
    public void Without_a_limit_there_is_no_counter_and_no_maxlength()
    {
        var cut = RenderEditor(new TextModel());

        Assert.Empty(cut.FindAll("[data-testid=markdown-counter]"));
        Assert.False(cut.Find("textarea").HasAttribute("maxlength"));
    }

    [Fact]
    public void The_label_help_and_placeholder_belong_to_the_text_box()
    {
        var cut = RenderEditor(new TextModel());

        var textarea = cut.Find("textarea");
        Assert.Equal(textarea.Id, cut.Find("label").GetAttribute("for"));
        Assert.Equal("Descripción", cut.Find("label").TextContent);
        Assert.Equal("Describa su negocio", textarea.GetAttribute("placeholder"));
        var help = cut.Find($"#{textarea.GetAttribute("aria-describedby")}");
        Assert.Contains("**negrita**, *cursiva*", help.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_phone_the_tabs_switch_panes_while_the_text_box_stays_in_the_page()
    {
        var cut = RenderEditor(new TextModel { Text = "Hola" });
        var textarea = cut.Find("textarea");
        var write = cut.Find($"#{textarea.Id}-write");
        var preview = cut.Find($"#{textarea.Id}-preview");
        Assert.Contains("d-md-none", cut.Find(".nav-tabs").ClassList);
        Assert.DoesNotContain("d-none", write.ClassList);
        Assert.Contains("d-none", preview.ClassList);
        Assert.Contains("d-md-block", preview.ClassList);

        cut.FindAll(".nav-tabs button").Single(b => b.TextContent == "Vista previa").Click();

        Assert.Contains("d-none", cut.Find($"#{textarea.Id}-write").ClassList);
        Assert.Contains("d-md-block", cut.Find($"#{textarea.Id}-write").ClassList);
        Assert.DoesNotContain("d-none", cut.Find($"#{textarea.Id}-preview").ClassList);
        Assert.Equal("true", cut.Find(".nav-link.active").GetAttribute("aria-selected"));
        Assert.Equal("Hola", cut.Find("textarea").GetAttribute("value"));
    }

    [Fact]
    public void In_tabs_mode_the_tabs_show_on_every_screen_and_the_panes_never_sit_side_by_side()
    {
        var cut = RenderEditor(new TextModel(), mode: MarkdownPreviewMode.Tabs);

        Assert.DoesNotContain("d-md-none", cut.Find(".nav-tabs").ClassList);
        Assert.All(cut.FindAll(".row > div"), pane => Assert.DoesNotContain("col-md-6", pane.ClassList));
    }

    [Fact]
    public void Without_a_preview_only_the_text_box_is_shown()
    {
        var cut = RenderEditor(new TextModel(), mode: MarkdownPreviewMode.None);

        Assert.Empty(cut.FindAll(".markdown-preview"));
        Assert.Empty(cut.FindAll(".nav-tabs"));
        Assert.Single(cut.FindAll("textarea"));
    }

    [Fact]
    public void A_missing_required_text_is_marked_invalid_with_its_message_beside_it()
    {
        var cut = RenderEditor(new TextModel());

        cut.Find("form").Submit();

        Assert.Contains("invalid", cut.Find("textarea").ClassList);
        Assert.Equal("Escriba la descripción.", cut.Find(".validation-message").TextContent);
    }

    [Fact]
    public void In_english_the_tabs_and_help_speak_english()
    {
        SetCulture("en");

        var cut = RenderEditor(new TextModel());

        Assert.Equal(["Write", "Preview"], cut.FindAll(".nav-tabs button").Select(b => b.TextContent));
        Assert.StartsWith("Formatting: **bold**", cut.Find(".form-text span").TextContent, StringComparison.Ordinal);
    }
}
