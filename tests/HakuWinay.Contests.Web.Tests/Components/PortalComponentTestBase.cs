using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components;

/// <summary>
/// bUnit over the real portal: a page renders with every service of a <see cref="PortalFactory"/>
/// (its database, its contest notifier, its sweep), so a test can change something as another user
/// or as a job through those services and watch the open page follow. The portal runs no job
/// server: the test runs the sweep itself. Renders as a live interactive circuit.
/// </summary>
public abstract class PortalComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentUICulture;
    private AsyncServiceScope _scope;

    protected PortalComponentTestBase()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("es-PE");
        Auth = AddAuthorization();
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected PortalFactory Portal { get; } = new(new Dictionary<string, string?> { ["Hangfire:WorkerCount"] = "0" });

    protected BunitAuthorizationContext Auth { get; }

    public Task InitializeAsync()
    {
        _scope = Portal.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    /// <summary>A service of the portal, as another request (another user, a job) would use it.</summary>
    protected T Service<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    protected void SignInAs(string userId, string email, params string[] roles)
    {
        Auth.SetAuthorized(email);
        Auth.SetRoles(roles);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _scope.DisposeAsync();
        Portal.Dispose();
        CultureInfo.CurrentUICulture = _previousCulture;
        CultureInfo.CurrentCulture = _previousCulture;
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
