using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Testing;
using HakuWinay.Contests.Web.Tests.Groups;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Issue 15, "Deployment by README": in Production the portal answers only for its public host,
/// builds links from <c>Portal:PublicUrl</c>, trusts forwarded headers only from known proxies,
/// redirects to HTTPS with HSTS and Secure cookies, and encrypts its Data Protection keys.
/// </summary>
public sealed partial class ProductionHostingTests
{
    private static readonly Uri Public = new("https://concursos.example.pe/");

    private static PortalFactory Production(params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Portal:PublicUrl"] = Public.AbsoluteUri };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return new PortalFactory(all, environment: "Production");
    }

    private static HttpClient ClientOf(PortalFactory portal, Uri? address = null) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = address ?? Public });

    [Fact]
    public void Production_without_a_public_url_stops_startup_with_a_message_naming_the_setting()
    {
        using var portal = Production(("Portal:PublicUrl", ""));

        var error = Assert.ThrowsAny<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("Portal:PublicUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Portal__PublicUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_with_a_plain_http_public_url_stops_startup()
    {
        using var portal = Production(("Portal:PublicUrl", "http://concursos.example.pe"));

        var error = Assert.ThrowsAny<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("https://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused_but_health_answers_a_local_probe()
    {
        using var portal = Production(("Portal:ExtraHosts:0", "www.concursos.example.pe"));

        using var evil = await ClientOf(portal, new Uri("https://evil.example/")).GetAsync("/account/login");
        using var extra = await ClientOf(portal, new Uri("https://www.concursos.example.pe/")).GetAsync("/account/login");
        using var own = await ClientOf(portal).GetAsync("/account/login");
        using var probe = await ClientOf(portal, new Uri("http://127.0.0.1:5001/")).GetAsync("/health");

        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.Equal(HttpStatusCode.OK, extra.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task An_invitation_queued_from_a_request_for_another_host_links_to_the_public_url()
    {
        // An accepted extra host that is not the public one: the link must still not follow it.
        using var portal = Production(("Portal:ExtraHosts:0", "evil.example"), ("Seed:Demo", "true"));
        var technician = ClientOf(portal, new Uri("https://evil.example/"));
        await SignIn.AsAsync(technician, "tecnico@demo.hakuwinay.pe", PortalFactory.DemoPassword);
        var fields = FormPost.Group("Truchas Pampa Cangallo", ("Teodora Quispe", "73000001"), ("Felipe Ccente", "73000002"), ("Nilda Pariona", "73000003"))
            .With("Input.RepresentativeEmail", "teodora@correo.pe").With("Input.RepresentativeFullName", "Teodora Quispe")
            .With("Input.ConsentDate", DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        using var saved = await FormPost.SendAsync(technician, "/groups/new", "new-group", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
        var email = await db.Outbox.SingleAsync(m => m.To == "teodora@correo.pe");
        var link = SetPasswordLink().Match(email.TextBody);
        Assert.True(link.Success, email.TextBody);
        Assert.StartsWith("https://concursos.example.pe/account/set-password/", link.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", email.TextBody + email.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_proxy_are_ignored_and_from_a_known_one_honoured()
    {
        using var portal = Production(("ForwardedHeaders:KnownProxies:0", "10.0.0.5"));

        var fromUnknown = await ThroughProxyAsync(portal, IPAddress.Parse("203.0.113.7"));
        var fromKnown = await ThroughProxyAsync(portal, IPAddress.Parse("10.0.0.5"));
        var fromLoopback = await ThroughProxyAsync(portal, IPAddress.Loopback);

        // Unknown: still plain HTTP from the proxy's own address, so it is sent to HTTPS.
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, fromUnknown.Response.StatusCode);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), fromUnknown.Connection.RemoteIpAddress);
        Assert.Equal(StatusCodes.Status200OK, fromKnown.Response.StatusCode);
        Assert.Equal("https", fromKnown.Request.Scheme);
        Assert.Equal(IPAddress.Parse("198.51.100.20"), fromKnown.Connection.RemoteIpAddress);
        Assert.Equal(StatusCodes.Status200OK, fromLoopback.Response.StatusCode);
        Assert.Equal(IPAddress.Parse("198.51.100.20"), fromLoopback.Connection.RemoteIpAddress);
    }

    /// <summary>A GET of the login page over plain HTTP from <paramref name="proxy"/>, as README's nginx sends it.</summary>
    private static Task<HttpContext> ThroughProxyAsync(PortalFactory portal, IPAddress proxy) =>
        portal.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = proxy;
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString(Public.Host);
            context.Request.Path = "/account/login";
            context.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
            context.Request.Headers["X-Forwarded-Proto"] = "https";
        });

    [Fact]
    public async Task In_production_plain_http_is_redirected_hsts_is_sent_and_every_cookie_is_secure()
    {
        using var portal = Production(("Bootstrap:AdminEmail", "admin@example.pe"), ("Bootstrap:AdminPassword", "una frase larga de acceso"));
        var client = ClientOf(portal);

        using var plain = await ClientOf(portal, new Uri("http://concursos.example.pe/")).GetAsync("/account/login?returnUrl=%2Fadmin");
        using var login = await client.GetAsync("/account/login");
        using var culture = await client.GetAsync("/culture/set?culture=en&returnUrl=%2F");
        using var signedIn = await SignIn.PostLoginAsync(ClientOf(portal), "admin@example.pe", "una frase larga de acceso");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://concursos.example.pe/account/login?returnUrl=%2Fadmin", plain.Headers.Location!.AbsoluteUri);
        Assert.Contains("max-age=31536000", string.Join(",", login.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(culture.Headers.GetValues("Set-Cookie")).Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("HakuWinay.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Data_protection_keys_written_with_a_certificate_are_encrypted_at_rest()
    {
        var folder = Directory.CreateTempSubdirectory("haku-cert-").FullName;
        try
        {
            var path = Path.Combine(folder, "dataprotection.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=HakuWinay Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
                await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "clave del certificado"));
            }
            var log = new CapturedLog();
            using var portal = Production(("DataProtection:CertificatePath", path), ("DataProtection:CertificatePassword", "clave del certificado"));
            using var withLog = portal.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));

            var protector = withLog.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            var secret = protector.Protect("sesión");

            Assert.Equal("sesión", protector.Unprotect(secret));
            await using var db = await withLog.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>().CreateDbContextAsync();
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal));
            Assert.DoesNotContain(log.Lines, line => line.Contains("unencrypted", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Production_without_a_data_protection_certificate_warns_at_startup()
    {
        var log = new CapturedLog();
        using var portal = Production();
        using var withLog = portal.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));

        withLog.CreateClient();

        Assert.Contains(log.Lines, line => line.StartsWith("Warning:", StringComparison.Ordinal)
            && line.Contains("unencrypted", StringComparison.Ordinal) && line.Contains("DataProtection:CertificatePath", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/account/set-password/[^\s""<>]+")]
    private static partial Regex SetPasswordLink();

    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
                }
            }
        }
    }
}
