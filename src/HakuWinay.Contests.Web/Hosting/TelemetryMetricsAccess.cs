using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace HakuWinay.Contests.Web.Hosting;

/// <summary>
/// Who may read <c>/metrics</c>: a client whose address (after the trusted proxies' X-Forwarded-For)
/// is in <c>Telemetry:MetricsAllowedNetworks</c> (default: loopback only), or one that sends
/// <c>Authorization: Bearer</c> with <c>Telemetry:MetricsToken</c>. Nobody else, ever.
/// </summary>
internal sealed class TelemetryMetricsAccess
{
    public const string NetworksKey = "Telemetry:MetricsAllowedNetworks";
    public const string TokenKey = "Telemetry:MetricsToken";
    public const int MinimumTokenLength = 32;

    private static readonly System.Net.IPNetwork[] Loopback =
        [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];

    private readonly System.Net.IPNetwork[] _networks;
    private readonly byte[]? _tokenHash;

    private TelemetryMetricsAccess(System.Net.IPNetwork[] networks, string? token)
    {
        _networks = networks;
        _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public static TelemetryMetricsAccess From(IConfiguration configuration)
    {
        var section = configuration.GetSection(NetworksKey);
        var networks = section.Exists()
            ? (section.Get<string[]>() ?? []).Select(ParseNetwork).ToArray()
            : Loopback;
        var token = configuration[TokenKey];
        if (string.IsNullOrEmpty(token))
        {
            return new TelemetryMetricsAccess(networks, null);
        }
        if (token.Length < MinimumTokenLength || token.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException(
                $"{TokenKey} must be at least {MinimumTokenLength} characters without spaces (e.g. `openssl rand -hex 32`), or empty for no token.");
        }
        return new TelemetryMetricsAccess(networks, token);
    }

    public bool Allows(HttpContext context) => FromAllowedNetwork(context.Connection.RemoteIpAddress) || HasToken(context.Request);

    private bool FromAllowedNetwork(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(plain));
    }

    private bool HasToken(HttpRequest request)
    {
        if (_tokenHash is null || request.Headers.Authorization.ToString() is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Hashes have one length, so the comparison takes the same time whatever was sent.
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(sent, _tokenHash);
    }

    private static System.Net.IPNetwork ParseNetwork(string value)
    {
        var text = value.Trim();
        if (IPAddress.TryParse(text, out var single))
        {
            return new System.Net.IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        return System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new InvalidOperationException($"{NetworksKey}: '{value}' is not an address or a network such as 10.0.0.0/24.");
    }
}
