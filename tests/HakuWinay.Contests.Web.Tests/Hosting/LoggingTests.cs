using System.Text.Json;
using Hangfire;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Groups;
using HakuWinay.Contests.Web.Tests.Profiles;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>The portal's log: JSON lines in Production with the trace, user and job ids; never a DNI, a password or an emailed token.</summary>
public sealed class LoggingTests
{
    private const string AdminEmail = "operadora@correo.pe";
    private const string AdminPassword = "Quinua-y-kiwicha-2026";

    /// <summary>Everything at Debug, ASP.NET Core's request lines included, as an operator chasing a problem might set it.</summary>
    private static Dictionary<string, string?> Verbose() => new()
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Debug",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Debug",
        ["Logging:LogLevel:Hangfire"] = "Debug",
    };

    [Fact]
    public async Task In_production_the_console_writes_json_lines_with_the_trace_id_and_the_signed_in_users_id()
    {
        var log = new CapturedLog();
        var settings = Verbose();
        settings["Bootstrap:AdminEmail"] = AdminEmail;
        settings["Bootstrap:AdminPassword"] = AdminPassword;
        using var portal = CapturedLog.Portal(log, settings, environment: "Production");
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = PortalFactory.ProductionAddress });
        Assert.Equal("json", portal.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        log.Formatter = portal.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);

        await SignIn.AsAsync(client, AdminEmail, AdminPassword);
        using var page = await client.GetAsync("/admin");
        var adminId = await UserIdAsync(portal, AdminEmail);

        var lines = log.Entries.Where(e => e.ConsoleLine is not null).Select(e => e.ConsoleLine!).ToList();
        Assert.NotEmpty(lines);
        // One entry, one line: a collector splits the stream at each newline.
        Assert.All(lines, line => Assert.DoesNotContain('\n', line.TrimEnd('\r', '\n')));
        var parsed = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var ofTheAdminPage = parsed.Where(e => Scope(e, "RequestPath") == "/admin").ToList();
        Assert.NotEmpty(ofTheAdminPage);
        Assert.All(ofTheAdminPage, e => Assert.Matches("^[0-9a-f]{32}$", Scope(e, "TraceId")));
        Assert.Contains(ofTheAdminPage, e => Scope(e, "UserId") == adminId);
        // An anonymous request (the login page) has a trace id and no user.
        var ofTheLoginPage = parsed.Where(e => Scope(e, "RequestPath") == "/account/login" && Scope(e, "TraceId") is not null).ToList();
        Assert.NotEmpty(ofTheLoginPage);
        Assert.Contains(ofTheLoginPage, e => Scope(e, "UserId") is null);
        Assert.DoesNotContain(lines, line => line.Contains(AdminPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_jobs_log_lines_carry_its_job_id()
    {
        var log = new CapturedLog();
        using var portal = CapturedLog.Portal(log, Verbose());
        using var client = portal.CreateClient();
        var marker = Guid.NewGuid().ToString("N");

        var jobId = portal.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<LoggingProbeJob>(job => job.Run(marker));
        var entry = await log.WaitForAsync(e => e.Message.Contains(marker, StringComparison.Ordinal));

        Assert.Contains($"JobId={jobId}", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_log_line_holds_a_demo_dni_a_password_or_a_token_from_an_emailed_link()
    {
        var log = new CapturedLog();
        using var portal = CapturedLog.Portal(log, Verbose());
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        const string password = "clave de la nueva representante";

        // A new representative registers, confirms by the emailed link and registers her group with its households' DNIs.
        await Registration.RegisterAndConfirmAsync(portal, client, "rosa.quispe@correo.pe", password);
        var confirmLink = await Registration.LinkInEmailAsync(portal, "rosa.quispe@correo.pe", Registration.ConfirmSubject);
        using var group = await FormPost.SendAsync(client, "/groups/new", "new-group",
            FormPost.Group("Qori Cuy de Muyurina", ("Hilda Ccente", "71000001"), ("Juana Tineo", "71000002"), ("Pedro Gómez", "71000003")));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, group.StatusCode);
        // A demo representative signs in with her password; a demo group's profile is submitted (its households checked).
        using var demo = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(demo, "grupo1@demo.hakuwinay.pe", PortalFactory.DemoPassword);
        using var producer = await demo.GetAsync("/producer");
        await DemoProfiles.CreateAsync(portal, DemoProfiles.GroupA, submit: true);

        var dnis = await DnisAsync(portal);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("https://localhost"), confirmLink).Query)["token"]!;
        var secrets = dnis.Append(password).Append(PortalFactory.DemoPassword).Append(token).ToList();
        Assert.Contains("71000001", dnis);
        Assert.True(dnis.Count > 10, $"Only {dnis.Count} DNIs in the demo.");
        Assert.Contains(log.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.Text.Contains("/account/confirm-email", StringComparison.Ordinal));
        var leaks = log.Entries.SelectMany(e => secrets.Where(s => e.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"{s} in [{e.Category}] {e.Text}")).ToList();
        Assert.Empty(leaks);
    }

    private static string? Scope(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty("Scopes", out var scopes))
        {
            return null;
        }
        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(name, out var value))
            {
                return value.ToString();
            }
        }
        return null;
    }

    private static async Task<string> UserIdAsync(PortalFactory portal, string email)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<List<string>> DnisAsync(PortalFactory portal)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        return await db.Households.Select(h => h.Dni).ToListAsync();
    }
}

/// <summary>A job that writes one log line, for <see cref="LoggingTests"/>; Hangfire creates it from the portal's services.</summary>
public sealed class LoggingProbeJob(ILogger<LoggingProbeJob> logger)
{
    public void Run(string marker) => logger.LogInformation("Probe job {Marker} ran.", marker);
}
