using System.Threading.RateLimiting;
using HakuWinay.Contests.Web.Hosting;

namespace HakuWinay.Contests.Web.Account;

/// <summary>
/// Posts of the account forms (sign-in, registration, forgot-password, set-password, email confirmation)
/// per client address and minute: an attacker guessing passwords is slowed down before the password
/// check (docs/decisions/017). The portal's global limiter (<see cref="RateLimits"/>, which also answers
/// the 429) takes its partition from here. Limits per email are <see cref="AccountAttemptLimits"/>.
/// </summary>
internal static class AccountRateLimits
{
    private static readonly string[] LimitedForms = [AccountPaths.Login, AccountPaths.Register, AccountPaths.ForgotPassword, AccountPaths.SetPassword, AccountPaths.ConfirmEmail];

    public static RateLimitPartition<string> Partition(HttpContext http, RateLimitSettings settings) =>
        IsAccountFormPost(http.Request)
            ? RateLimitPartition.GetFixedWindowLimiter(RateLimits.ClientAddress(http), _ => RateLimits.PerMinute(settings.AccountFormPostsPerMinute))
            : RateLimitPartition.GetNoLimiter("");

    private static bool IsAccountFormPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        // Set-password and confirmation post to their own address, which carries the account's id.
        && LimitedForms.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
}
