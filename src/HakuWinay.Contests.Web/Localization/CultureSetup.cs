using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace HakuWinay.Contests.Web.Localization;

/// <summary>
/// Spanish (Peru) by default; English when the person chooses it. The choice is a cookie, so it
/// survives sign-in and works on static pages as well as interactive ones.
/// </summary>
public static class CultureSetup
{
    public const string Spanish = "es-PE";
    public const string English = "en";
    public static readonly string[] Supported = [Spanish, English];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Spanish);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only an explicit choice switches language: the default is Spanish whatever the browser says.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static void MapCultureEndpoint(this WebApplication app)
    {
        app.MapGet("/culture/set", (string? culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return Microsoft.AspNetCore.Http.Results.BadRequest("Idioma no disponible / Language not available.");
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Microsoft.AspNetCore.Http.Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
    }

    /// <summary>
    /// Only same-site paths: "/x" but not "//evil", "/\evil" or "/\t/evil" (browsers drop tabs and
    /// newlines, so control characters could turn a path into another host), so no open redirect.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
