using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Dashboards;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Judging.Live;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using HakuWinay.Contests.Seeding;
using HakuWinay.Contests.Web.Account;
using HakuWinay.Contests.Web.Accounting;
using HakuWinay.Contests.Web.Disbursements;
using HakuWinay.Contests.Web.Execution;
using HakuWinay.Contests.Web.Programme;
using HakuWinay.Contests.Web.FieldSync;
using HakuWinay.Contests.Web.FollowUp;
using HakuWinay.Contests.Web.Components;
using HakuWinay.Contests.Web.Jobs;
using HakuWinay.Contests.Web.Judging;
using HakuWinay.Contests.Web.Localization;
using HakuWinay.Contests.Web.Notifications;
using HakuWinay.Contests.Web.Notifications.Sms;
using HakuWinay.Contests.Web.Profiles;
using HakuWinay.Contests.Web.PublicResults;
using HakuWinay.Contests.Web.Registries;
using HakuWinay.Contests.Web.Results;
using HakuWinay.Contests.Web.Territories;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>Everything Program.cs wires up, in the order it happens.</summary>
public static class PortalSetup
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataFolder = DataFolder.From(configuration, builder.Environment);
        var database = DatabaseSetup.Resolve(configuration, dataFolder.Path);

        services.AddSingleton(dataFolder);
        services.AddSingleton(TimeProvider.System);
        services.AddContestsDatabase(database);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCircuitState(configuration);
        // No "Server: Kestrel": what runs the portal is nobody else's business.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.ServeCompressedAssetsInDevelopment();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitConnection>());
        // Spanish and Quechua names go out as they are, not as &#xE1; entities: smaller pages, readable source.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddPortalLocalization();
        services.AddPortalIdentity();
        services.AddPortalRateLimits(configuration);
        services.AddPublicOutputCache(configuration);
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("HakuWinay.Contests")
            .PersistKeysToDbContext<ContestsDbContext>();
        builder.AddPortalDeployment(dataProtection);
        builder.AddPortalTelemetry();
        builder.AddPortalLogging();

        services.AddPortalJobs(configuration, database);
        services.AddPortalEmail(configuration);
        services.AddSms(configuration);

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoCycleSeeder>();
        services.AddScoped<ContestQueries>();
        services.AddScoped<ContestClock>();
        services.AddScoped<ContestAdminService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<EligibilityService>();
        services.AddScoped<SubmissionQueries>();
        services.AddScoped<ProfileQueries>();
        services.AddScoped<ProfileViews>();
        services.AddScoped<PresentAgainService>();
        services.AddScoped<PresentationHistory>();
        services.AddScoped<AttachmentService>();
        services.AddSingleton(new AttachmentStorage(dataFolder.AttachmentsPath));
        services.AddScoped<AuditQueries>();
        services.AddScoped<AccountQueries>();
        services.AddScoped<AccountAdminService>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<GroupService>();
        services.AddScoped<GroupQueries>();
        services.AddAccounts();
        services.AddScoped<JurorService>();
        services.AddScoped<ConflictService>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<JudgingQueries>();
        services.AddScoped<JurorsOverviewQuery>();
        services.AddScoped<ScoringService>();
        services.AddScoped<ScoringQueries>();
        services.AddScoped<ScoringReminderService>();
        services.AddScoped<IScoringLinks, ScoringLinks>();
        services.AddScoped<LiveSessionService>();
        services.AddScoped<LiveSessionQueries>();
        services.AddScoped<EvaluationQueries>();
        services.AddScoped<ScoringScheduleService>();
        services.AddScoped<PaperSheetService>();
        services.AddScoped<ScoreSheetImportService>();
        services.AddScoped<ResultsInputBuilder>();
        services.AddScoped<ResultsPreviewService>();
        services.AddScoped<IncompleteAcceptanceService>();
        services.AddScoped<PublicationService>();
        services.AddScoped<PublicationQueries>();
        services.AddScoped<ResultsPageQueries>();
        services.AddScoped<AppealService>();
        services.AddScoped<AppealQueries>();
        services.AddScoped<ResultsReader>();
        services.AddScoped<AppealDesk>();
        services.AddScoped<ExecutionSweepService>();
        services.AddScoped<IExecutionSweepTrigger, HangfireExecutionSweepTrigger>();
        services.AddDisbursements();
        services.AddAccounting();
        services.AddFollowUp();
        services.AddFieldSync();
        services.AddExecution();
        services.AddProgramme();
        services.AddTerritories();
        services.AddRegistries();
        services.AddContestEvents(database);

        services.AddPortalHealthChecks();
    }

    private static void AddPortalIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "HakuWinay.Auth";
            options.LoginPath = AccountPaths.Login;
            options.LogoutPath = AccountPaths.Logout;
            options.AccessDeniedPath = AccountPaths.AccessDenied;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Self-registered accounts open only after their email link (docs/decisions/020).
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ContestsDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordStrengthValidator>();
        // The cookie's security stamp is compared with the database on every request, so signing out,
        // a password reset or a lock ends every copy of the session at once (docs/decisions/017).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        // A representative registered by staff may open the set-password email days later, in town.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(7));
    }

    private static void AddPortalEmail(this IServiceCollection services, ConfigurationManager configuration)
    {
        var smtp = configuration.GetSection(SmtpSettings.Section);
        services.Configure<SmtpSettings>(smtp);
        services.AddSingleton<EmailComposer>();
        if (smtp.Get<SmtpSettings>()?.IsConfigured == true)
        {
            services.AddSingleton<IEmailTransport, MailKitEmailTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, PickupFolderEmailTransport>();
        }
        services.AddScoped<IOutboxSignal, HangfireOutboxSignal>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxQueries>();
    }

    /// <summary>Migrates, seeds and registers the recurring jobs before the portal takes its first request.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var configuration = app.Configuration;
        var loadDemo = configuration.GetValue<bool?>("Seed:Demo") ?? app.Environment.IsDevelopment();
        var seeds = new SeedFolder(configuration["Seed:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "seed-data"));
        var bootstrap = new BootstrapAdminOptions(configuration["Bootstrap:AdminEmail"], configuration["Bootstrap:AdminPassword"]);
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        // The contests of every stage come with the demo unless Seed:DemoCycle is false (docs/decisions/015-demo-of-every-stage.md).
        var loadDemoCycle = configuration.GetValue<bool?>("Seed:DemoCycle") ?? true;
        var demo = await initializer.InitializeAsync(seeds, loadDemo, bootstrap, loadDemoCycle);
        HangfireSetup.RegisterRecurringJobs(scope.ServiceProvider);
        if (demo is not null)
        {
            app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, demo));
        }
    }

    public static void UsePortal(this WebApplication app)
    {
        app.UsePortalDeployment();
        app.UseSecurityHeaders(HangfireSetup.DashboardPath);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseUserLogScope();
        app.UseAuthorization();
        app.UseTerritoryGate();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UsePublicOutputCache();

        app.MapStaticAssets();
        app.MapPortalHealthChecks();
        app.MapPortalTelemetry();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapOutboxEndpoints();
        app.MapSmsEndpoints();
        app.MapSubmissionEndpoints();
        app.MapAttachmentEndpoints();
        app.MapResultsEndpoints();
        app.MapAppealAttachmentEndpoints();
        app.MapDisbursementsEndpoints();
        app.MapAccountingEndpoints();
        app.MapFollowUpEndpoints();
        app.MapFieldSyncEndpoints();
        app.MapExecutionEndpoints();
        app.MapProgrammeEndpoints();
        app.MapJobsDashboard();
        // The frame-ancestors directive is part of the portal's one policy (SecurityHeaders), not a second header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
    }

    /// <summary>
    /// The live screens' notifier; its events also travel to the other copies of the portal, by
    /// NOTIFY on PostgreSQL, through a table elsewhere (docs/decisions/024-contest-events-across-servers.md).
    /// </summary>
    private static void AddContestEvents(this IServiceCollection services, DatabaseSetup.ResolvedDatabase database)
    {
        services.AddSingleton<ContestEvents>();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<PostgresContestEventRelay>();
            services.AddSingleton<IContestEventRelay>(sp => sp.GetRequiredService<PostgresContestEventRelay>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresContestEventRelay>());
        }
        else
        {
            services.AddSingleton<PollingContestEventRelay>();
            services.AddSingleton<IContestEventRelay>(sp => sp.GetRequiredService<PollingContestEventRelay>());
            services.AddHostedService(sp => sp.GetRequiredService<PollingContestEventRelay>());
        }
        services.AddSingleton<IContestEvents, RelayedContestEvents>();
    }
}
