using Microsoft.AspNetCore.Components;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Absolute links for emails. <c>Portal:PublicUrl</c> when configured, which it always is in
/// Production (the portal does not start without it, see <see cref="PublicAddress.Required"/>), so
/// there a link never follows the request's Host. In Development only: else the address of the
/// request or circuit behind the scope; else (a Hangfire job) a bare path the reader can still recognise.
/// </summary>
internal static class PortalUrls
{
    public static string Absolute(NavigationManager navigation, IConfiguration configuration, string path)
    {
        if (PublicAddress.Configured(configuration) is { } root)
        {
            return new Uri(root, path).AbsoluteUri;
        }
        try
        {
            return navigation.ToAbsoluteUri(path).AbsoluteUri;
        }
        catch (InvalidOperationException)
        {
            // No request behind this scope and no configured address.
            return "/" + path;
        }
    }
}
