using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// README's "On PostgreSQL", as an operator follows it: <c>dotnet publish</c>, the two openssl
/// commands of "Data Protection certificate", then the published dll in Production with only the
/// environment variables that section names (values of this machine: a fresh database, a free
/// port, a self-signed TLS certificate for localhost). The bootstrap administrator signs in in
/// Chromium and creates a contest draft through the interactive form; the Blazor script is served
/// compressed. Kestrel serves HTTPS itself, as that section does, so HTTPS redirection, HSTS and
/// Secure cookies are the real ones (docs/decisions/016-deployment-by-publish.md).
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class DeploymentJourney(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private const string AdminEmail = "jefa@foncodes.example.pe";
    private const string AdminPassword = "una frase larga de acceso";

    [Fact]
    public async Task The_published_portal_started_as_README_says_serves_an_interactive_portal_on_PostgreSQL()
    {
        var folder = Directory.CreateTempSubdirectory("haku-deploy-").FullName;
        var server = new NpgsqlConnectionStringBuilder(TestPrerequisites.PostgresConnectionString);
        var database = "haku_deploy_" + Guid.NewGuid().ToString("N")[..12];
        Process? portal = null;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        try
        {
            var published = Path.Combine(folder, "haku");
            // README: dotnet publish src/HakuWinay.Contests.Web -c Release -o /srv/haku (reusing the build ./test.sh made).
            await RunAsync("dotnet", RepositoryRoot(), "publish", "src/HakuWinay.Contests.Web", "-c", "Release", "-o", published, "--no-build", "-nodeReuse:false");
            // README: the Data Protection certificate, in the folder of the portal's secrets.
            var certificatePassword = "clave del certificado " + Guid.NewGuid().ToString("N")[..6];
            await RunAsync("openssl", folder, "req", "-x509", "-newkey", "rsa:3072", "-sha256", "-days", "3650", "-nodes",
                "-subj", "/CN=HakuWinay Data Protection", "-keyout", "dataprotection.key", "-out", "dataprotection.crt");
            await RunAsync("openssl", folder, new Dictionary<string, string> { ["DataProtection__CertificatePassword"] = certificatePassword },
                "pkcs12", "-export", "-in", "dataprotection.crt", "-inkey", "dataprotection.key", "-out", "dataprotection.pfx",
                "-passout", "env:DataProtection__CertificatePassword");
            // What a CA would give: a TLS certificate for the public host (here localhost), as PEM files.
            await RunAsync("openssl", folder, "req", "-x509", "-newkey", "rsa:2048", "-sha256", "-days", "2", "-nodes",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", "privkey.pem", "-out", "fullchain.pem");

            await using (var admin = new NpgsqlConnection(server.ConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            var port = FreePort();
            var publicUrl = new Uri($"https://localhost:{port}/");
            var environment = new Dictionary<string, string>
            {
                // Exactly the names README's "On PostgreSQL" exports.
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__PostgreSql"] = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString,
                ["Portal__PublicUrl"] = publicUrl.AbsoluteUri,
                ["Bootstrap__AdminEmail"] = AdminEmail,
                ["Bootstrap__AdminPassword"] = AdminPassword,
                ["DataFolder"] = Path.Combine(folder, "data"),
                ["DataProtection__CertificatePath"] = Path.Combine(folder, "dataprotection.pfx"),
                ["DataProtection__CertificatePassword"] = certificatePassword,
                ["Kestrel__Certificates__Default__Path"] = Path.Combine(folder, "fullchain.pem"),
                ["Kestrel__Certificates__Default__KeyPath"] = Path.Combine(folder, "privkey.pem"),
            };
            portal = Start(Path.Combine(published, "HakuWinay.Contests.Web.dll"), $"https://localhost:{port}", environment, log);

            using var http = new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
            }) { BaseAddress = publicUrl };
            await HealthyAsync(http, portal, log);

            await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = publicUrl.AbsoluteUri, IgnoreHTTPSErrors = true, Locale = "es-PE" });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.Locator("#email").FillAsync(AdminEmail);
            await page.Locator("#password").FillAsync(AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Uri(publicUrl, "admin").AbsoluteUri);

            await page.GotoAsync("/admin/contests/new");
            await Expect(page.Locator("fieldset.live-fieldset")).ToHaveAttributeAsync("data-interactive", "true");
            var template = await page.Locator("#source option[value^='template:']").First.GetAttributeAsync("value");
            await page.Locator("#source").SelectOptionAsync(template!);
            await page.Locator("#code").FillAsync("LIM-2027-01");
            await page.Locator("#title").FillAsync("Concurso de negocios rurales Lima 2027");
            await page.Locator("#region").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("#opens").FillAsync("2027-03-01T09:00");
            await page.Locator("#closes").FillAsync("2027-04-01T17:00");
            await page.GetByTestId("new-contest-form").Locator("button[type=submit]").ClickAsync();
            await Expect(page).ToHaveURLAsync(EditPage());

            var html = await http.GetStringAsync("/account/login");
            var script = BlazorScript().Match(html);
            Assert.True(script.Success, "The page names no _framework/blazor.web.*.js.");
            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, script.Value);
                request.Headers.AcceptEncoding.ParseAdd(encoding);
                using var response = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            }
            await using var db = new NpgsqlConnection(environment["ConnectionStrings__PostgreSql"]);
            await db.OpenAsync();
            await using var drafts = new NpgsqlCommand("SELECT count(*) FROM \"Contests\" WHERE \"Code\" = 'LIM-2027-01'", db);
            Assert.Equal(1L, Convert.ToInt64(await drafts.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            await using var keys = new NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\" WHERE \"Xml\" NOT LIKE '%encryptedSecret%'", db);
            Assert.Equal(0L, Convert.ToInt64(await keys.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(log, line => line.Contains("unencrypted", StringComparison.Ordinal));
        }
        finally
        {
            if (portal is { HasExited: false })
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }
            portal?.Dispose();
            output.WriteLine(string.Join(Environment.NewLine, log.TakeLast(40)));
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(server.ConnectionString))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The published dll with a clean environment: only what README names, plus what any process needs to run dotnet.</summary>
    private static Process Start(string dll, string urls, Dictionary<string, string> environment, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(urls);
        start.Environment.Clear();
        foreach (var inherited in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(inherited) is { } value)
            {
                start.Environment[inherited] = value;
            }
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls /health every 200 ms until it answers 200, failing with the portal's output if it exits or takes too long.</summary>
    private static async Task HealthyAsync(HttpClient http, Process portal, IEnumerable<string> log)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            Assert.False(portal.HasExited, "The published portal exited:" + Environment.NewLine + string.Join(Environment.NewLine, log));
            try
            {
                using var health = await http.GetAsync("/health", timeout.Token);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            try
            {
                await poll.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail("/health never answered 200:" + Environment.NewLine + string.Join(Environment.NewLine, log));
            }
        }
    }

    private static Task RunAsync(string file, string directory, params string[] arguments) => RunAsync(file, directory, new Dictionary<string, string>(), arguments);

    private static async Task RunAsync(string file, string directory, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed:{Environment.NewLine}{await stdout}{await stderr}");
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HakuWinay.Contests.sln")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new InvalidOperationException($"No HakuWinay.Contests.sln above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"_framework/blazor\.web\.[a-z0-9]+\.js")]
    private static partial Regex BlazorScript();

    [GeneratedRegex(@"/admin/contests/\d+/edit$")]
    private static partial Regex EditPage();
}
