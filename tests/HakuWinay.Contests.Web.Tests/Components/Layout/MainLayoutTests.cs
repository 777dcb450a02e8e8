using Bunit;
using HakuWinay.Contests.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace HakuWinay.Contests.Web.Tests.Components.Layout;

public sealed class MainLayoutTests : ComponentTestBase
{
    [Fact]
    public void The_layout_wraps_the_page_with_navigation_a_skip_link_and_the_programme_footer()
    {
        RenderFragment body = builder => builder.AddMarkupContent(0, "<p id='page-body'>Contenido</p>");

        var cut = Render<MainLayout>(parameters => parameters.Add(p => p.Body, body));

        Assert.Equal("Contenido", cut.Find("main#main #page-body").TextContent);
        Assert.Equal("Ir al contenido", cut.Find("a[href='#main']").TextContent);
        Assert.NotNull(cut.Find("nav.navbar"));
        Assert.Contains("FONCODES", cut.Find("footer").TextContent);
    }
}
