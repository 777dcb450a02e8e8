using HakuWinay.Contests.Notifications.Sms;
using Microsoft.AspNetCore.Components;

namespace HakuWinay.Contests.Web.Notifications.Sms;

/// <summary>The portal's absolute address of a path, as every emailed link is built (<see cref="Hosting.PortalUrls"/>).</summary>
internal sealed class PortalAddress(NavigationManager navigation, IConfiguration configuration) : IPortalAddress
{
    public string Absolute(string path) => Hosting.PortalUrls.Absolute(navigation, configuration, path.TrimStart('/'));
}
