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

    /// <summary>A juror's tablet in a village hall: portrait, touch, the scorecard below the profile (below Bootstrap's lg breakpoint).</summary>
    public static BrowserNewContextOptions Tablet => new()
    {
        ViewportSize = new ViewportSize { Width = 800, Height = 1280 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };
}
