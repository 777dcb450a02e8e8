using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Tests.Account;

/// <summary>An administrator deactivates an account: its sessions end everywhere and it cannot sign in (issue 15).</summary>
public sealed partial class DeactivationTests : IDisposable
{
    private const string Producer = "grupo1@demo.hakuwinay.pe";
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_cookie_copied_before_deactivation_is_refused_after_it()
    {
        var copy = await SignInAndCopyCookieAsync(Producer);
        using var before = await GetWithCookieAsync("/producer", copy);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await DeactivateAsync(Producer);
        using var after = await GetWithCookieAsync("/producer", copy);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_cookie_is_refused_even_if_its_old_stamp_came_back()
    {
        var copy = await SignInAndCopyCookieAsync(Producer);
        var oldStamp = await StampAsync(Producer);
        await DeactivateAsync(Producer);
        await SetStampAsync(Producer, oldStamp);

        using var after = await GetWithCookieAsync("/producer", copy);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_to_a_deactivated_account_answers_exactly_like_a_wrong_password()
    {
        await DeactivateAsync(Producer);
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var deactivated = await SignIn.PostLoginAsync(client, Producer, PortalFactory.DemoPassword);
        using var wrongPassword = await SignIn.PostLoginAsync(client, "grupo2@demo.hakuwinay.pe", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(ErrorBox(await wrongPassword.Content.ReadAsStringAsync()), ErrorBox(await deactivated.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(deactivated.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reactivated_account_signs_in_again_but_its_old_cookie_stays_dead()
    {
        var copy = await SignInAndCopyCookieAsync(Producer);
        await DeactivateAsync(Producer);

        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountAdminService>().ReactivateAsync(await AdminAsync(scope), await UserIdAsync(scope, Producer));
            Assert.True(result.Value);
        }
        var fresh = await SignInAndCopyCookieAsync(Producer);
        using var withOld = await GetWithCookieAsync("/producer", copy);
        using var withNew = await GetWithCookieAsync("/producer", fresh);

        Assert.Equal(HttpStatusCode.Redirect, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task An_open_circuit_of_a_deactivated_account_is_dropped_at_its_next_revalidation()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(Producer) ?? throw new InvalidOperationException("No demo producer.");
        var circuitUser = await signIn.CreateUserPrincipalAsync(user);
        var provider = new RevalidatingIdentityStateProvider(NullLoggerFactory.Instance, services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IOptions<IdentityOptions>>());
        Assert.True(await provider.IsStillValidAsync(circuitUser));

        var oldStamp = await StampAsync(Producer);
        await DeactivateAsync(Producer);
        var afterDeactivation = await provider.IsStillValidAsync(circuitUser);
        // Even a stamp that matched again does not keep a deactivated account's circuit.
        await SetStampAsync(Producer, oldStamp);
        var withOldStamp = await provider.IsStillValidAsync(circuitUser);

        Assert.False(afterDeactivation);
        Assert.False(withOldStamp);
    }

    [Fact]
    public async Task Revoking_a_role_ends_the_sessions_that_carried_it()
    {
        var copy = await SignInAndCopyCookieAsync("tecnico@demo.hakuwinay.pe");

        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountAdminService>()
                .RevokeRoleAsync(await AdminAsync(scope), await UserIdAsync(scope, "tecnico@demo.hakuwinay.pe"), Roles.Technician);
            Assert.True(result.Value);
        }
        using var after = await GetWithCookieAsync("/technician", copy);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task DeactivateAsync(string email)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountAdminService>()
            .DeactivateAsync(await AdminAsync(scope), await UserIdAsync(scope, email), "Dejó de representar al grupo");
        Assert.True(result.Value, result.Outcome.ToString());
    }

    private static async Task<ActingUser> AdminAsync(AsyncServiceScope scope) =>
        new(await UserIdAsync(scope, "admin@demo.hakuwinay.pe"), IsAdmin: true);

    private static async Task<string> UserIdAsync(AsyncServiceScope scope, string email) =>
        (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))?.Id
        ?? throw new InvalidOperationException($"No demo user {email}.");

    private async Task<string> StampAsync(string email)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp!).SingleAsync();
    }

    private async Task SetStampAsync(string email, string stamp)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.SecurityStamp = stamp;
        await db.SaveChangesAsync();
    }

    private async Task<string> SignInAndCopyCookieAsync(string email)
    {
        using var browser = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await SignIn.PostLoginAsync(browser, email, PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("HakuWinay.Auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0])
            .ToList();
        Assert.NotEmpty(auth);
        return string.Join("; ", auth);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var thief = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }

    private static string ErrorBox(string html) =>
        ErrorBoxText().Match(html).Groups[1].Value is { Length: > 0 } text
            ? text
            : throw new Xunit.Sdk.XunitException("The answer has no sign-in error box.");

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex ErrorBoxText();
}
