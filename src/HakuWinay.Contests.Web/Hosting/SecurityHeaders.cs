using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.OutputCaching;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// The headers every response carries, pages, downloads, static files, errors and the job
/// dashboard alike (docs/decisions/018-content-security-policy.md). Set as the response starts,
/// so nothing an endpoint does can leave them out.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "HakuWinay.CspNonce";
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapHashes = [];

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Nothing the portal uses: a file input needs no camera permission to take a photo.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), "
        + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
        + "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /// <summary>
    /// The policy of a page: its own scripts (the inline import map by nonce), styles, images,
    /// fonts and WebSocket ('self' covers ws:/wss: of the same host). Style attributes are
    /// allowed inline: bars and progress widths are computed (see the decision record). A page the
    /// output cache may answer also allows its import map by hash: the cached HTML carries the nonce
    /// of the request that filled the cache, this answer's header a fresh one (docs/decisions/025).
    /// Images may also be blob: URLs, which only the page itself can make: the offline visit
    /// report shows the photos kept on the device that way (docs/decisions/036, "Visit reports").
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, string? importMapHash = null) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'{(importMapHash is null ? "" : $" '{importMapHash}'")}; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
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

    /// <summary>
    /// The CSP hash source of the import map (exactly what the ImportMap component writes between
    /// its tags) of a page the output cache may answer; null for every other response.
    /// </summary>
    public static string? CachedImportMapHash(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var metadata = http.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<OutputCacheAttribute>() is null || metadata.GetMetadata<ImportMapDefinition>() is not { } importMap)
        {
            return null;
        }
        return ImportMapHashes.GetValue(importMap, map => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map.ToString()))));
    }

    public static void UseSecurityHeaders(this WebApplication app, string jobsDashboardPath)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                var dashboard = http.Request.Path.StartsWithSegments(jobsDashboardPath, StringComparison.OrdinalIgnoreCase);
                headers.ContentSecurityPolicy = dashboard ? JobsDashboardPolicy : ContentSecurityPolicy(Nonce(http), CachedImportMapHash(http));
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
