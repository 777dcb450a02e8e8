using Bunit;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static HakuWinay.Contests.Web.Tests.Components.Shared.MarkdownEditorHost;

namespace HakuWinay.Contests.Web.Tests.Components.Shared;

/// <summary>Each changed text takes a preview permit; over the limit the text is kept and the last preview stays, with the wait.</summary>
public sealed class PreviewRateLimitTests : FormComponentTestBase
{
    public PreviewRateLimitTests() => Services.AddSingleton(new RateLimitSettings { PreviewsPerMinute = 2 });

    [Fact]
    public void A_change_over_the_preview_limit_keeps_the_last_preview_and_says_when_it_catches_up()
    {
        var model = new TextModel { Text = "# Primero" };
        var cut = Render<MarkdownEditorHost>(p => p.Add(h => h.Model, model));
        cut.Find("textarea").Input("# Segundo");
        Assert.Equal("Segundo", cut.Find(".markdown-preview h1").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-limited]"));

        cut.Find("textarea").Input("# Tercero");

        Assert.Equal("Segundo", cut.Find(".markdown-preview h1").TextContent);
        Assert.Matches("^Demasiadas vistas previas seguidas; intente de nuevo en [0-9]+ segundos", cut.Find("[data-testid=preview-limited]").TextContent);
        Assert.Equal("# Tercero", model.Text);
    }

    [Fact]
    public void A_rerender_of_the_same_text_takes_no_preview_permit()
    {
        var model = new TextModel { Text = "# Primero" };
        var cut = Render<MarkdownEditorHost>(p => p.Add(h => h.Model, model));
        for (var i = 0; i < 5; i++)
        {
            cut.Render();
        }

        cut.Find("textarea").Input("# Segundo");

        Assert.Equal("Segundo", cut.Find(".markdown-preview h1").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-limited]"));
    }
}
