using Microsoft.Playwright;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>The screens the portal's people use.</summary>
public static class Devices
{
    /// <summary>A cheap phone: below Bootstrap's md breakpoint, so the navbar collapses behind its toggler.</summary>
    public static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
    };
}
