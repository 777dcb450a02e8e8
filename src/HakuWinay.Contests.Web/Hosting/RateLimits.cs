using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using HakuWinay.Contests.Web.Account;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// The portal's rate limits over HTTP (docs/decisions/021-rate-limits.md): the account forms per client
/// address (<see cref="AccountRateLimits"/>, the global limiter), public downloads per client address and
/// private downloads per account, both named policies that endpoints take with <c>RequireRateLimiting</c>.
/// Over a limit every answer is the same: 429, <c>Retry-After</c> and a short Spanish page.
/// </summary>
internal static class RateLimits
{
    /// <summary>The acta, the results package and its CSV files: per client address, anyone may download them.</summary>
    public const string PublicDownloads = "public-downloads";

    /// <summary>Files and exports behind sign-in: per account, so people sharing one address do not share a limit.</summary>
    public const string PrivateDownloads = "private-downloads";

    /// <summary>The offline field page's package and sends, per account (docs/decisions/036).</summary>
    public const string FieldSync = "field-sync";

    public static void AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = RateLimitSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddCircuitRateLimits();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => AccountRateLimits.Partition(http, settings));
            options.AddPolicy(PublicDownloads, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(http), _ => PerMinute(settings.PublicDownloadsPerMinute)));
            options.AddPolicy(PrivateDownloads, http => RateLimitPartition.GetFixedWindowLimiter(
                AccountOrAddress(http.User, ClientAddress(http)), _ => PerMinute(settings.PrivateDownloadsPerMinute)));
            options.AddPolicy(FieldSync, http => RateLimitPartition.GetFixedWindowLimiter(
                AccountOrAddress(http.User, ClientAddress(http)), _ => PerMinute(settings.FieldSyncPerMinute)));
            options.OnRejected = RejectAsync;
        });
    }

    /// <summary>The client's address as forwarded headers from a trusted proxy left it.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The partition of a signed-in user is the account; of anyone else, the address.</summary>
    public static string AccountOrAddress(ClaimsPrincipal? user, string? address) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? "user:" + id : "address:" + (address ?? "unknown");

    public static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>The whole seconds to wait that a refused lease tells, at least one.</summary>
    public static int SecondsToWait(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = SecondsToWait(context.Lease);
        var http = context.HttpContext;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var text = policy is PublicDownloads or PrivateDownloads ? "RateLimit.Downloads" : "RateLimit.TooMany";
        HakuWinay.Contests.Diagnostics.PortalMeters.RateLimitRefused(policy ?? "account-forms");
        var response = http.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        var texts = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        // The portal's encoder leaves Spanish letters as they are ("conexión", not "conexi&#243;n").
        var message = http.RequestServices.GetRequiredService<HtmlEncoder>().Encode(string.Format(CultureInfo.CurrentCulture, texts[text].Value, seconds));
        await response.WriteAsync($"<!DOCTYPE html><html lang=\"es\"><meta charset=\"utf-8\"><title>429</title><p data-testid=\"rate-limited\">{message}</p></html>", ct);
    }
}

/// <summary>The <c>RateLimits:</c> settings, each a count per minute and at least 1; a bad one stops the portal at startup.</summary>
public sealed record RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Posts of the account forms per client address.</summary>
    public int AccountFormPostsPerMinute { get; init; } = 20;

    /// <summary>Sign-ins, registrations and forgot-password requests naming one email, from all addresses together.</summary>
    public int AccountAttemptsPerEmailPerMinute { get; init; } = 10;

    /// <summary>Public downloads (the acta, the results files) per client address: a village hall shares one.</summary>
    public int PublicDownloadsPerMinute { get; init; } = 120;

    /// <summary>Downloads behind sign-in (attachments, receipts, photos, exports) per account.</summary>
    public int PrivateDownloadsPerMinute { get; init; } = 240;

    /// <summary>Files uploaded in the portal's live pages per account.</summary>
    public int UploadsPerMinute { get; init; } = 30;

    /// <summary>CSV imports per account.</summary>
    public int ImportsPerMinute { get; init; } = 10;

    /// <summary>Renders of a Markdown preview for a changed text per account (one per keystroke while typing).</summary>
    public int PreviewsPerMinute { get; init; } = 600;

    /// <summary>Requests of the offline field page per account: a juror back in signal sends a day's scorecards at once.</summary>
    public int FieldSyncPerMinute { get; init; } = 120;

    public static RateLimitSettings From(IConfiguration configuration)
    {
        var defaults = new RateLimitSettings();
        return new RateLimitSettings
        {
            AccountFormPostsPerMinute = Read(configuration, nameof(AccountFormPostsPerMinute), defaults.AccountFormPostsPerMinute),
            AccountAttemptsPerEmailPerMinute = Read(configuration, nameof(AccountAttemptsPerEmailPerMinute), defaults.AccountAttemptsPerEmailPerMinute),
            PublicDownloadsPerMinute = Read(configuration, nameof(PublicDownloadsPerMinute), defaults.PublicDownloadsPerMinute),
            PrivateDownloadsPerMinute = Read(configuration, nameof(PrivateDownloadsPerMinute), defaults.PrivateDownloadsPerMinute),
            UploadsPerMinute = Read(configuration, nameof(UploadsPerMinute), defaults.UploadsPerMinute),
            ImportsPerMinute = Read(configuration, nameof(ImportsPerMinute), defaults.ImportsPerMinute),
            PreviewsPerMinute = Read(configuration, nameof(PreviewsPerMinute), defaults.PreviewsPerMinute),
            FieldSyncPerMinute = Read(configuration, nameof(FieldSyncPerMinute), defaults.FieldSyncPerMinute),
        };
    }

    private static int Read(IConfiguration configuration, string name, int fallback)
    {
        var key = $"{Section}:{name}";
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var perMinute) || perMinute < 1)
        {
            throw new InvalidOperationException($"{key} must be a whole number of at least 1; it is \"{text}\".");
        }
        return perMinute;
    }
}
