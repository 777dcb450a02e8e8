using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.Testing;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

/// <summary>
/// README's "Several servers" as an operator follows it: the published portal started twice in
/// Production on one PostgreSQL database with the variables that section exports, behind nginx
/// configured with README's own snippet (only its ports and certificate paths replaced by this
/// machine's; its host name is mapped to loopback). Through nginx the bootstrap administrator signs in in Chromium and gets an
/// interactive page (the WebSocket passes the proxy); each copy sees the client's own address
/// (the sign-in rate limit counts a client, not the proxy, and a forged X-Forwarded-For changes
/// nothing) and the https scheme (no redirect loop, HSTS, Secure cookies); and a cookie issued by
/// one copy opens the admin page on the other (shared Data Protection keys).
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class ReverseProxyJourney(BrowserFixture browser, ITestOutputHelper output)
{
    private const string AdminEmail = "jefa@foncodes.example.pe";
    private const string AdminPassword = "una frase larga de acceso";
    private const int SignInPostsPerMinute = 3;
    // README's host: HSTS is never sent for localhost, so the test keeps the real name and maps it to loopback.
    private const string PublicHost = "concursos.hakuwinay.pe";

    [Fact]
    public async Task Two_copies_behind_READMEs_nginx_act_as_one_and_see_the_clients_address_and_scheme()
    {
        var folder = Directory.CreateTempSubdirectory("haku-proxy-").FullName;
        var server = new NpgsqlConnectionStringBuilder(TestPrerequisites.PostgresConnectionString);
        var database = "haku_proxy_" + Guid.NewGuid().ToString("N")[..12];
        var logs = new Dictionary<string, ConcurrentQueue<string>> { ["a"] = new(), ["b"] = new(), ["nginx"] = new() };
        var processes = new List<Process>();
        try
        {
            var dll = await PublishedPortal.DllAsync();
            var (certificatePath, certificatePassword) = await PublishedPortal.DataProtectionCertificateAsync(folder);
            await PublishedPortal.TlsCertificateAsync(folder, PublicHost);
            await using (var admin = new NpgsqlConnection(server.ConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            var (copyA, copyB, httpPort, httpsPort) = (PublishedPortal.FreePort(), PublishedPortal.FreePort(), PublishedPortal.FreePort(), PublishedPortal.FreePort());
            var publicUrl = new Uri($"https://{PublicHost}:{httpsPort}/");
            var environment = new Dictionary<string, string>
            {
                // The names README's "Several servers" exports; the rate limit lowered so the test reaches it.
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__PostgreSql"] = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Portal__PublicUrl"] = publicUrl.AbsoluteUri,
                ["DataFolder"] = Path.Combine(folder, "data"),
                ["DataProtection__CertificatePath"] = certificatePath,
                ["DataProtection__CertificatePassword"] = certificatePassword,
                ["Bootstrap__AdminEmail"] = AdminEmail,
                ["Bootstrap__AdminPassword"] = AdminPassword,
                ["RateLimits__AccountFormPostsPerMinute"] = SignInPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            // The first copy creates the database; the second starts once it is ready, as an operator would.
            var a = PublishedPortal.Start(dll, $"http://127.0.0.1:{copyA}", environment, logs["a"]);
            processes.Add(a);
            using var directA = DirectClient(copyA);
            await PublishedPortal.HealthyAsync(directA, a, logs["a"]);
            var b = PublishedPortal.Start(dll, $"http://127.0.0.1:{copyB}", environment, logs["b"]);
            processes.Add(b);
            using var directB = DirectClient(copyB);
            await PublishedPortal.HealthyAsync(directB, b, logs["b"]);

            var nginx = StartNginx(folder, copyA, copyB, httpPort, httpsPort, logs["nginx"]);
            processes.Add(nginx);
            using var site = X509Certificate2.CreateFromPemFile(Path.Combine(folder, "fullchain.pem"), Path.Combine(folder, "privkey.pem"));
            using var client = ClientFrom(IPAddress.Parse("127.0.0.5"), publicUrl, site);
            await PublishedPortal.HealthyAsync(client, nginx, logs["nginx"]);

            // Port 80 sends everyone to https.
            using var plain = ClientFrom(IPAddress.Loopback, new Uri($"http://{PublicHost}:{httpPort}/"));
            using (var redirect = await plain.GetAsync("/contests"))
            {
                Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
                Assert.Equal($"https://{PublicHost}/contests", redirect.Headers.Location!.AbsoluteUri);
            }

            // The scheme: served over https by nginx, the copies see https (no redirect, HSTS, Secure cookies).
            using (var login = await client.GetAsync("/account/login"))
            {
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
                Assert.True(login.Headers.Contains("Strict-Transport-Security"), "No HSTS behind nginx: the copies did not see https.");
                var cookies = login.Headers.GetValues("Set-Cookie").ToList();
                Assert.NotEmpty(cookies);
                Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
            }

            // The address: the limit counts this client (127.0.0.5), whatever X-Forwarded-For it sends.
            for (var i = 1; i <= SignInPostsPerMinute; i++)
            {
                using var post = await PostSignInAsync(client, forgedFor: $"10.0.0.{i}");
                Assert.NotEqual(HttpStatusCode.TooManyRequests, post.StatusCode);
            }
            using (var refused = await PostSignInAsync(client, forgedFor: "10.0.0.99"))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.True(refused.Headers.RetryAfter is not null, "The 429 has no Retry-After.");
            }
            using var neighbour = ClientFrom(IPAddress.Parse("127.0.0.6"), publicUrl, site);
            using (var other = await PostSignInAsync(neighbour, forgedFor: null))
            {
                Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
            }

            // Chromium through nginx: sign-in, then an interactive page (its WebSocket passes the proxy).
            var mapped = await browser.LaunchAsync($"--host-resolver-rules=MAP {PublicHost} 127.0.0.1");
            await using var closeMapped = new AsyncCloser(() => mapped.CloseAsync());
            await using var context = await mapped.NewContextAsync(new() { BaseURL = publicUrl.AbsoluteUri, IgnoreHTTPSErrors = true, Locale = "es-PE" });
            var page = await context.NewPageAsync();
            page.Response += (_, response) =>
            {
                if (response.Status >= 300)
                {
                    output.WriteLine($"browser: {response.Status} {response.Request.Method} {response.Url}");
                }
            };
            page.Console += (_, message) => output.WriteLine($"browser console.{message.Type}: {message.Text}");
            await page.GotoAsync("/account/login");
            await page.Locator("#email").FillAsync(AdminEmail);
            await page.Locator("#password").FillAsync(AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Uri(publicUrl, "admin").AbsoluteUri);
            await page.GotoAsync("/admin/contests/new");
            await Expect(page.Locator("fieldset.live-fieldset")).ToHaveAttributeAsync("data-interactive", "true");

            // Either copy honours the session the other issued: as nginx would send it, straight to each.
            var cookie = string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
            foreach (var direct in new[] { directA, directB })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
                request.Headers.Host = PublicHost;
                request.Headers.Add("X-Forwarded-Proto", "https");
                request.Headers.Add("Cookie", cookie);
                using var response = await direct.SendAsync(request);
                Assert.Equal((direct.BaseAddress, HttpStatusCode.OK), (direct.BaseAddress, response.StatusCode));
                Assert.Contains(AdminEmail, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                await PublishedPortal.StopAsync(process);
            }
            foreach (var (name, log) in logs)
            {
                output.WriteLine($"--- {name}");
                output.WriteLine(string.Join(Environment.NewLine, log.TakeLast(30)));
            }
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

    /// <summary>
    /// nginx running README's snippet inside a minimal nginx.conf of its own (pid, logs and temp
    /// files in the test's folder). Each replacement must find its text: a README whose snippet
    /// changed shape fails here rather than testing something else.
    /// </summary>
    private static Process StartNginx(string folder, int copyA, int copyB, int httpPort, int httpsPort, ConcurrentQueue<string> log)
    {
        var readme = File.ReadAllText(Path.Combine(PublishedPortal.RepositoryRoot(), "README.md"));
        var snippet = NginxBlock().Matches(readme).Select(m => m.Groups["conf"].Value).Single(conf => conf.Contains("upstream haku", StringComparison.Ordinal));
        foreach (var (from, to) in new[]
        {
            ("server 127.0.0.1:5001;", $"server 127.0.0.1:{copyA};"),
            ("server 127.0.0.1:5002;", $"server 127.0.0.1:{copyB};"),
            ("listen 80;", $"listen 127.0.0.1:{httpPort};"),
            ("listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;"),
            ($"/etc/letsencrypt/live/{PublicHost}/fullchain.pem", Path.Combine(folder, "fullchain.pem")),
            ($"/etc/letsencrypt/live/{PublicHost}/privkey.pem", Path.Combine(folder, "privkey.pem")),
        })
        {
            Assert.True(snippet.Contains(from, StringComparison.Ordinal), $"README's nginx snippet no longer holds \"{from}\".");
            snippet = snippet.Replace(from, to, StringComparison.Ordinal);
        }
        var temp = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(temp);
        var conf = $$"""
            user {{Environment.UserName}};
            worker_processes 1;
            pid {{temp}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
            {{snippet}}
            }
            """;
        var path = Path.Combine(temp, "nginx.conf");
        File.WriteAllText(path, conf);
        var start = new ProcessStartInfo(TestPrerequisites.Nginx) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", temp, "-c", path, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }
        return PublishedPortal.StartProcess(start, new Dictionary<string, string>(), log);
    }

    /// <summary>A sign-in POST without a form: refused by the form, but counted by the limit, which runs first.</summary>
    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string? forgedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent([]) };
        if (forgedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forgedFor);
        }
        return await client.SendAsync(request);
    }

    /// <summary>A client whose connections leave from the given loopback address, as a distinct client on the network would.</summary>
    private static HttpClient ClientFrom(IPAddress source, Uri baseAddress, X509Certificate2? site = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // The site's own self-signed certificate, and no other.
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => site is not null && certificate is not null && certificate.GetCertHashString() == site.GetCertHashString() },
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    private sealed class AsyncCloser(Func<Task> close) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await close();
    }

    private static HttpClient DirectClient(int port) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

    [GeneratedRegex(@"```nginx\n(?<conf>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();
}
