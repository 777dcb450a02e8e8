using System.Security.Cryptography;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// The headers every response carries, pages, downloads, static files, errors and the job
/// dashboard alike (docs/decisions/018-content-security-policy.md). Set as the response starts,
/// so nothing an endpoint does can leave them out.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "HakuWinay.CspNonce";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Nothing the portal uses: a file input needs no camera permission to take a photo.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), "
        + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
        + "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /// <summary>
    /// The policy of a page: its own scripts (the inline import map by nonce), styles, images,
    /// fonts and WebSocket ('self' covers ws:/wss: of the same host). Style attributes are
    /// allowed inline: bars and progress widths are computed (see the decision record).
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// Hangfire's dashboard writes inline scripts and styles it gives no nonce to; only there
    /// they are allowed, behind the Admin role, still with no eval and no other origin.
    /// </summary>
    public const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>The nonce of this request's inline scripts, the same for every call within it.</summary>
    public static string Nonce(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[NonceKey] is not string nonce)
        {
            // Hex, not base64: "+" and "=" would come out HTML-encoded in the attribute.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(18));
            http.Items[NonceKey] = nonce;
        }
        return nonce;
    }

    public static void UseSecurityHeaders(this WebApplication app, string jobsDashboardPath)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var dashboard = http.Request.Path.StartsWithSegments(jobsDashboardPath, StringComparison.OrdinalIgnoreCase);
                headers.ContentSecurityPolicy = dashboard ? JobsDashboardPolicy : ContentSecurityPolicy(Nonce(http));
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(http);
        });
    }
}
