using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components;

/// <summary>
/// bUnit context with the portal's real feature services over a <see cref="TestDatabase"/>,
/// the real Spanish/English resources, and a fake signed-in user.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentUICulture;

    /// <summary>
    /// Renders as a live interactive-server circuit does (<c>RendererInfo.IsInteractive</c>). Call it after
    /// registering services: bUnit builds its renderer, and freezes the services, on this call.
    /// </summary>
    protected void RenderAsLiveCircuit() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    /// <summary>Renders as static server rendering does, for a static page with a live island in it; call it as <see cref="RenderAsLiveCircuit"/>.</summary>
    protected void RenderAsStaticPage() => SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

    protected ComponentTestBase()
    {
        SetCulture("es-PE");
        Auth = AddAuthorization();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        // The portal's default limits on uploads, imports and previews; a test may register lower settings after this.
        Services.AddSingleton(new HakuWinay.Contests.Web.Hosting.RateLimitSettings());
        Services.AddCircuitRateLimits();
        // The portal's notifier, so pages that follow their contest render; a test may register its own after this.
        Services.AddSingleton(new HakuWinay.Contests.Common.ContestEvents(Microsoft.Extensions.Logging.Abstractions.NullLogger<HakuWinay.Contests.Common.ContestEvents>.Instance));
        Services.AddSingleton<HakuWinay.Contests.Common.IContestEvents>(sp => sp.GetRequiredService<HakuWinay.Contests.Common.ContestEvents>());
    }

    protected TestDatabase Database { get; private set; } = null!;

    protected BunitAuthorizationContext Auth { get; }

    protected static DateTime Now { get; } = DateTime.UtcNow;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Services.AddSingleton<IDbContextFactory<ContestsDbContext>>(Database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IOutboxSignal, NoSignal>();
        Services.AddScoped<ContestQueries>();
        // A contest's public page asks for its published results (none until a test publishes).
        Services.AddScoped<HakuWinay.Contests.Results.Publication.PublicationQueries>();
        Services.AddScoped<DashboardQueries>();
        // Staff pages read the signed-in person's territorial scope; test accounts have none, so they are national.
        Services.AddScoped<HakuWinay.Contests.Territories.StaffScopes>();
        Services.AddScoped<OutboxQueries>();
        Services.AddScoped<HakuWinay.Contests.Judging.JudgingQueries>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
        CultureInfo.CurrentUICulture = _previousCulture;
        CultureInfo.CurrentCulture = _previousCulture;
    }

    protected static void SetCulture(string name)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(name);
        CultureInfo.CurrentCulture = new CultureInfo(name);
    }

    protected void SignInAs(string userId, string email, params string[] roles)
    {
        Auth.SetAuthorized(email);
        Auth.SetRoles(roles);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    private sealed class NoSignal : IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
