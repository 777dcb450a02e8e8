using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// What a real install needs beyond Development (docs/decisions/016-deployment-by-publish.md): the
/// public address every absolute link is built from, the hosts and proxies the portal trusts,
/// HTTPS redirection, HSTS and Secure cookies, and Data Protection keys encrypted with a certificate.
/// </summary>
internal static class DeploymentSetup
{
    public const string PublicUrlKey = "Portal:PublicUrl";
    public const string HealthPath = "/health";

    public static void AddPortalDeployment(this WebApplicationBuilder builder, IDataProtectionBuilder dataProtection)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var production = !builder.Environment.IsDevelopment();
        services.AddSingleton(new PublicHosts(production ? PublicAddress.Required(configuration) : null, configuration));

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (loopback) stay; configured proxies and networks are added to them.
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
            }
        });

        if (production)
        {
            var publicUrl = PublicAddress.Required(configuration);
            services.AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = false;
            });
            // Behind a proxy Kestrel listens on plain HTTP, so the port to redirect to is the public one.
            services.AddHttpsRedirection(options => options.HttpsPort = publicUrl.Port);
            services.Configure<CookiePolicyOptions>(options =>
            {
                options.Secure = CookieSecurePolicy.Always;
                options.HttpOnly = HttpOnlyPolicy.None;
            });
        }

        if (DataProtectionCertificate.Load(configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
    }

    /// <summary>Runs first: the real client and scheme, then the Host check, HTTPS and HSTS, Secure cookies.</summary>
    public static void UsePortalDeployment(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<PublicHostFilter>();
        if (!app.Environment.IsDevelopment())
        {
            // A load balancer probes each copy directly over plain HTTP, a scraper reads its /metrics so: neither is redirected.
            app.UseWhen(context => !TelemetrySetup.IsProbe(context.Request.Path), branch => branch.UseHttpsRedirection());
            app.UseHsts();
            app.UseCookiePolicy();
            if (app.Configuration[DataProtectionCertificate.PathKey] is not { Length: > 0 })
            {
                app.Logger.LogWarning(
                    "Data Protection keys are stored in the database unencrypted: set {PathKey} (and {PasswordKey} in the environment) to a certificate that encrypts them (README, \"Data Protection certificate\").",
                    DataProtectionCertificate.PathKey, DataProtectionCertificate.PasswordEnvironment);
            }
        }
    }
}

/// <summary><c>Portal:PublicUrl</c>, the one address every absolute link starts with.</summary>
internal static class PublicAddress
{
    public static Uri? Configured(IConfiguration configuration) =>
        configuration[DeploymentSetup.PublicUrlKey] is { Length: > 0 } value && Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var root)
            ? root
            : null;

    /// <summary>In Production the portal does not start without an https public address.</summary>
    public static Uri Required(IConfiguration configuration)
    {
        var value = configuration[DeploymentSetup.PublicUrlKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                "Portal:PublicUrl is not set. In Production the portal builds every link in its emails from it and answers only requests for its host: set Portal__PublicUrl=https://concursos.example.pe in the environment.");
        }
        if (Configured(configuration) is not { Scheme: "https" } root)
        {
            throw new InvalidOperationException(
                $"Portal:PublicUrl '{value}' is not an https:// address. In Production the portal is served over HTTPS only (see README, \"Configure it\").");
        }
        return root;
    }
}

/// <summary>
/// The hosts the portal answers for in Production: the public address's host and <c>Portal:ExtraHosts</c>.
/// Null public address (Development): every host.
/// </summary>
internal sealed class PublicHosts
{
    private readonly HashSet<string>? _allowed;

    public PublicHosts(Uri? publicUrl, IConfiguration configuration)
    {
        if (publicUrl is not null)
        {
            _allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { publicUrl.IdnHost };
            foreach (var host in configuration.GetSection("Portal:ExtraHosts").Get<string[]>() ?? [])
            {
                _allowed.Add(host.Trim());
            }
        }
    }

    public bool Allows(HostString host) => _allowed is null || (host.HasValue && _allowed.Contains(host.Host));
}

/// <summary>
/// 400 for a request whose Host is not one of <see cref="PublicHosts"/>, except <c>/health</c> and <c>/metrics</c>,
/// which a load balancer or a scraper reads on each copy's own address and which carry no link.
/// </summary>
internal sealed class PublicHostFilter(RequestDelegate next, PublicHosts hosts)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (hosts.Allows(context.Request.Host) || TelemetrySetup.IsProbe(context.Request.Path))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Bad Request: unknown host.");
    }
}

/// <summary>The certificate that encrypts the Data Protection keys at rest: <c>DataProtection:CertificatePath</c>, a PKCS#12 file.</summary>
internal static class DataProtectionCertificate
{
    public const string PathKey = "DataProtection:CertificatePath";
    public const string PasswordKey = "DataProtection:CertificatePassword";
    public const string PasswordEnvironment = "DataProtection__CertificatePassword";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        if (configuration[PathKey] is not { Length: > 0 } path)
        {
            return null;
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathKey}: no file at '{path}'. Make one as README's \"Data Protection certificate\" says, or leave the setting empty.");
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{PathKey}: '{path}' holds no private key; the keys could not be decrypted with it.");
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"{PathKey}: '{path}' cannot be read as a PKCS#12 (.pfx) file with the password in {PasswordEnvironment}: {e.Message}", e);
        }
    }
}
