using System.Net;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static HakuWinay.Contests.Web.Tests.Account.AccountTestClients;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>Attempts per account, from any address: over the limit, 429 and a Spanish "try again in N minutes".</summary>
public sealed class AccountAttemptLimitTests : IDisposable
{
    private const string Producer = "grupo1@demo.hakuwinay.pe";
    private readonly PortalFactory _portal = new(new Dictionary<string, string?> { ["RateLimits:AccountAttemptsPerEmailPerMinute"] = "3" });

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Sign_ins_beyond_the_limit_are_refused_unchecked_and_do_not_count_toward_the_lockout()
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await SignIn.PostLoginAsync(Browser(_portal), Producer, "wrong-" + attempt);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SignIn.PostLoginAsync(Browser(_portal), Producer, PortalFactory.DemoPassword);
        using var refusedAgain = await SignIn.PostLoginAsync(Browser(_portal), Producer, "wrong-again");
        using var otherAccount = await SignIn.PostLoginAsync(Browser(_portal), "grupo2@demo.hakuwinay.pe", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing.");
        Assert.Contains("Hubo demasiados intentos con este correo. Vuelva a intentarlo en 1 minuto(s).", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(SetsAuthCookie(refused));
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherAccount.StatusCode);
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var producer = await users.FindByEmailAsync(Producer);
        Assert.Equal(3, await users.GetAccessFailedCountAsync(producer!));
        Assert.False(await users.IsLockedOutAsync(producer!));
    }

    [Theory]
    [InlineData("/account/forgot-password", "forgot-password")]
    [InlineData("/register", "register")]
    public async Task Other_forms_beyond_the_limit_answer_alike_for_a_known_and_an_unknown_email(string url, string form)
    {
        foreach (var email in new[] { Producer, "desconocido@correo.pe" })
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                using var allowed = await Registration.PostFormAsync(Browser(_portal), url, form, Fields(form, email));
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }
            using var refused = await Registration.PostFormAsync(Browser(_portal), url, form, Fields(form, email));

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("Hubo demasiados intentos con este correo", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static List<KeyValuePair<string, string>> Fields(string form, string email) =>
        form == "register" ? Registration.Fields(email, "cuyes de Quinua 2026") : [new("Input.Email", email)];
}
