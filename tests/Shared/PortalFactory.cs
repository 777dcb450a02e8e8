using HakuWinay.Contests.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace HakuWinay.Contests.Testing;

/// <summary>
/// The real portal in memory, on its own SQLite file (or a given database) and data folder,
/// with the Development demo loaded and emails written to the data folder unless SMTP is set.
/// One factory is one fresh portal; dispose it to remove its files.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory(IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "haku-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        Environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["DataFolder"] = DataFolder,
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(DataFolder, "portal.db")}",
            ["Hangfire:WorkerCount"] = "1",
            ["Smtp:Host"] = "",
            // The one-contest demo the tests were written against; a test that wants the demo of
            // every stage passes Seed:DemoCycle=true (docs/decisions/015-demo-of-every-stage.md).
            ["Seed:DemoCycle"] = "false",
            // Tests sign in, download, upload and type from 127.0.0.1 often; the rate limit tests lower these again.
            ["RateLimits:AccountFormPostsPerMinute"] = "100000",
            ["RateLimits:PublicDownloadsPerMinute"] = "100000",
            ["RateLimits:PrivateDownloadsPerMinute"] = "100000",
            ["RateLimits:UploadsPerMinute"] = "100000",
            ["RateLimits:ImportsPerMinute"] = "100000",
            ["RateLimits:PreviewsPerMinute"] = "100000",
            // Likewise per account (one email signed in by many tests); AccountAttemptLimitTests lower it.
            ["RateLimits:AccountAttemptsPerEmailPerMinute"] = "100000",
            // Test output shows the portal's warnings and errors, not every request.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (environment != "Development")
        {
            // Production needs its public address; the test client talks to it over HTTPS, as a
            // browser behind README's proxy does (docs/decisions/016-deployment-by-publish.md).
            _settings["Portal:PublicUrl"] = ProductionAddress.AbsoluteUri;
            ClientOptions.BaseAddress = ProductionAddress;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The public address a Production portal gets unless a test gives its own; clients of such a portal use it as base address.</summary>
    public static readonly Uri ProductionAddress = new("https://localhost/");

    public string DataFolder { get; }

    public string Environment { get; }

    public const string DemoPassword = "HakuWinay-2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a background thread: the temp folder is cleaned by the OS.
            }
        }
    }
}
