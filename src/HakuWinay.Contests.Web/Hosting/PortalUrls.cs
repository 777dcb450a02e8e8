using Microsoft.AspNetCore.Components;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Absolute links for emails. <c>Portal:PublicUrl</c> when configured; else the address of the
/// request or circuit behind the scope; else (a Hangfire job with no configured address) a bare
/// path the reader can still recognise.
/// </summary>
internal static class PortalUrls
{
    public static string Absolute(NavigationManager navigation, IConfiguration configuration, string path)
    {
        if (configuration["Portal:PublicUrl"] is { Length: > 0 } configured && Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var root))
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
