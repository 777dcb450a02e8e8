using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;

namespace HakuWinay.Contests.Web.Notifications.Sms;

/// <summary>The SMS endpoints' limits, per client address (the gateway is one address; a guesser is another).</summary>
internal static class SmsRateLimits
{
    /// <summary>Kannel's delivery reports: a burst after a results publication, bounded so a flood is refused.</summary>
    public const string DeliveryReports = "sms-delivery-reports";

    /// <summary>Short links opened from phones; many villagers share one address, a guesser needs millions.</summary>
    public const string ShortLinks = "sms-short-links";

    public static void AddSmsRateLimits(this RateLimiterOptions options, SmsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options.AddPolicy(DeliveryReports, http => RateLimitPartition.GetFixedWindowLimiter(
            RateLimits.ClientAddress(http), _ => RateLimits.PerMinute(settings.DeliveryReportsPerMinute)));
        options.AddPolicy(ShortLinks, http => RateLimitPartition.GetFixedWindowLimiter(
            RateLimits.ClientAddress(http), _ => RateLimits.PerMinute(settings.ShortLinksPerMinute)));
    }
}
