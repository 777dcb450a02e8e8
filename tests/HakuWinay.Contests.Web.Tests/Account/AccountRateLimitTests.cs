using System.Net;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HakuWinay.Contests.Web.Tests.Account;

public sealed class AccountRateLimitTests : IDisposable
{
    private readonly PortalFactory _portal = new(new Dictionary<string, string?> { ["RateLimits:AccountFormPostsPerMinute"] = "3" });

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_with_retry_after_and_a_spanish_page()
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await SignIn.PostLoginAsync(client, "nobody@demo.hakuwinay.pe", "wrong-" + attempt);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignIn.PostLoginAsync(client, "admin@demo.hakuwinay.pe", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
        Assert.Contains("Hubo demasiados intentos", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal));
    }
}
