using System.Globalization;
using System.Threading.RateLimiting;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Attempts on one account (sign-in, registration, forgot-password) per normalised email and minute,
/// from all addresses together: the per-address limiter (<see cref="AccountRateLimits"/>) slows one
/// client down, this one bounds what many addresses can do to one account (docs/decisions/020).
/// The key is the email as typed, whether or not it has an account, so being limited tells nothing.
/// </summary>
public sealed class AccountAttemptLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AccountAttemptLimits(RateLimitSettings settings)
    {
        _limiter = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(
            email, _ => RateLimits.PerMinute(settings.AccountAttemptsPerEmailPerMinute)));
    }

    /// <summary>Counts one attempt on <paramref name="email"/>; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAttempt(string email)
    {
        using var lease = _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>
    /// Answers a form over the limit as the per-address limiter does: 429 with <c>Retry-After</c>, and
    /// the Spanish message "try again in N minutes" (N rounded up) for the page to show.
    /// </summary>
    public static string Refuse(HttpContext? http, IStringLocalizer texts, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        HakuWinay.Contests.Diagnostics.PortalMeters.RateLimitRefused("account-attempts");
        if (http is { Response.HasStarted: false })
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return string.Format(CultureInfo.CurrentCulture, texts["Account.TooManyAttempts"].Value, (seconds + 59) / 60);
    }

    public void Dispose() => _limiter.Dispose();
}
