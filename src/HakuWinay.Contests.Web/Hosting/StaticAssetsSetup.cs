namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// How static assets are served. Published, <c>MapStaticAssets</c> answers from the publish manifest with
/// the pre-compressed .br/.gz files. Run from a build (<c>dotnet run</c>, tests), ASP.NET Core turns on
/// its runtime reloader by default, which checks each asset against wwwroot and, when it judges the
/// file changed, re-compresses it per request at compression level "none": the response says gzip but
/// carries the whole file (about 400 KB for the home page instead of about 115 KB).
/// </summary>
internal static class StaticAssetsSetup
{
    private const string ReloadKey = "ReloadStaticAssetsAtRuntime";

    /// <summary>
    /// Serves the build's own compressed files in Development too, as the published portal does. Under
    /// <c>dotnet watch</c> (which reloads edited CSS in the browser) and when the setting is given
    /// explicitly, the runtime reloader stays as configured.
    /// </summary>
    public static void ServeCompressedAssetsInDevelopment(this WebApplicationBuilder builder)
    {
        var underWatch = Environment.GetEnvironmentVariable("DOTNET_WATCH") == "1";
        if (builder.Environment.IsDevelopment() && !underWatch && builder.Configuration[ReloadKey] is null)
        {
            builder.Configuration[ReloadKey] = "false";
        }
    }
}
