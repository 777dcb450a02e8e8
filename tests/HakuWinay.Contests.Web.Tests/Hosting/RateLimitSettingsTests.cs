using HakuWinay.Contests.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace HakuWinay.Contests.Web.Tests.Hosting;

public sealed class RateLimitSettingsTests
{
    private static RateLimitSettings From(string key, string value) =>
        RateLimitSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"RateLimits:{key}"] = value }).Build());

    [Fact]
    public void Unset_limits_take_their_defaults()
    {
        var settings = RateLimitSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal(new RateLimitSettings
        {
            AccountFormPostsPerMinute = 20, PublicDownloadsPerMinute = 120, PrivateDownloadsPerMinute = 240,
            UploadsPerMinute = 30, ImportsPerMinute = 10, PreviewsPerMinute = 600,
        }, settings);
    }

    [Theory]
    [InlineData("UploadsPerMinute", "0")]
    [InlineData("PublicDownloadsPerMinute", "-5")]
    [InlineData("PreviewsPerMinute", "muchos")]
    [InlineData("AccountFormPostsPerMinute", "2.5")]
    public void A_limit_below_one_or_not_a_whole_number_stops_the_portal_naming_the_setting(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(key, value));

        Assert.Contains($"RateLimits:{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_limit_is_read()
    {
        Assert.Equal(7, From("ImportsPerMinute", "7").ImportsPerMinute);
    }
}
