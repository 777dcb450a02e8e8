using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>
/// A fresh <see cref="PortalFactory"/> (own SQLite file, Development demo data) served by Kestrel,
/// so that a real browser can reach it. It listens on port 0: the OS picks a free loopback port,
/// and parallel runs on one machine never collide.
/// </summary>
public class KestrelPortal : PortalFactory
{
    public KestrelPortal()
        : this(settings: null)
    {
    }

    /// <summary>On <paramref name="port"/>, or on a free one when it is 0 (a restarted copy takes its predecessor's port).</summary>
    protected KestrelPortal(IDictionary<string, string?>? settings, int port = 0)
        : base(settings)
    {
        UseKestrel(port);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = new Uri(addresses.Single());
    }

    /// <summary>The address Kestrel bound, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The absolute URL of a path in the portal, for URL assertions.</summary>
    public string Url(string path) => new Uri(BaseUrl, path).ToString();
}

/// <summary>A <see cref="KestrelPortal"/> that sends its emails to the maildev of ./test.sh.</summary>
public sealed class MailingKestrelPortal() : KestrelPortal(new Dictionary<string, string?>
{
    ["Smtp:Host"] = TestPrerequisites.SmtpHost,
    ["Smtp:Port"] = TestPrerequisites.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Smtp:Security"] = "None",
    ["Smtp:TimeoutSeconds"] = "5",
});

/// <summary>A <see cref="KestrelPortal"/> with the demo of every stage (<see cref="FullDemo"/>).</summary>
public sealed class FullDemoKestrelPortal() : KestrelPortal(FullDemo.Settings);
