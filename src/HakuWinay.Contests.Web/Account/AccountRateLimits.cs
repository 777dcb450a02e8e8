using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Posts of the account forms (sign-in, registration, forgot-password, set-password, email confirmation)
/// per client address and minute: an attacker guessing passwords is slowed down before the password
/// check (docs/decisions/017). Limits per account are <see cref="AccountAttemptLimits"/>.
/// </summary>
internal static class AccountRateLimits
{
    public const string Section = "RateLimits";

    private static readonly string[] LimitedForms = [AccountPaths.Login, AccountPaths.Register, AccountPaths.ForgotPassword, AccountPaths.SetPassword, AccountPaths.ConfirmEmail];

    public static void AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue($"{Section}:AccountFormPostsPerMinute", 20);
        if (perMinute < 1)
        {
            throw new InvalidOperationException($"{Section}:AccountFormPostsPerMinute must be at least 1; it is {perMinute}.");
        }
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsAccountFormPost(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = RejectAsync;
        });
    }

    private static bool IsAccountFormPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        // Set-password and confirmation post to their own address, which carries the account's id.
        && LimitedForms.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        var texts = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = WebUtility.HtmlEncode(string.Format(CultureInfo.CurrentCulture, texts["RateLimit.TooMany"].Value, seconds));
        await response.WriteAsync($"<!DOCTYPE html><html lang=\"es\"><meta charset=\"utf-8\"><title>429</title><p data-testid=\"rate-limited\">{message}</p></html>", ct);
    }
}
