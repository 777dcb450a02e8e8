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
            // README: dotnet publish src/HakuWinay.Contests.Web -c Release -o /srv/haku, then the Data
            // Protection certificate in the folder of the portal's secrets, and the site's TLS certificate.
            var dll = await PublishedPortal.DllAsync();
            var (certificatePath, certificatePassword) = await PublishedPortal.DataProtectionCertificateAsync(folder);
            await PublishedPortal.TlsCertificateAsync(folder);

            await using (var admin = new NpgsqlConnection(server.ConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            var port = PublishedPortal.FreePort();
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
                ["DataProtection__CertificatePath"] = certificatePath,
                ["DataProtection__CertificatePassword"] = certificatePassword,
                ["Kestrel__Certificates__Default__Path"] = Path.Combine(folder, "fullchain.pem"),
                ["Kestrel__Certificates__Default__KeyPath"] = Path.Combine(folder, "privkey.pem"),
            };
            portal = PublishedPortal.Start(dll, $"https://localhost:{port}", environment, log);

            using var http = new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
            }) { BaseAddress = publicUrl };
            await PublishedPortal.HealthyAsync(http, portal, log);

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
            await PublishedPortal.StopAsync(portal);
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

    [GeneratedRegex(@"_framework/blazor\.web\.[a-z0-9]+\.js")]
    private static partial Regex BlazorScript();

    [GeneratedRegex(@"/admin/contests/\d+/edit$")]
    private static partial Regex EditPage();
}
