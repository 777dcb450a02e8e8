using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Testing;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>A GET of /metrics as a given client address sends it, and the sums of the Prometheus samples it answers.</summary>
public static partial class MetricsScrape
{
    public sealed record Answer(int StatusCode, string ContentType, string Text)
    {
        /// <summary>The sum of every sample of <paramref name="metric"/> whose labels contain <paramref name="label"/> (0 when none).</summary>
        public double Sum(string metric, string? label = null) =>
            Sample().Matches(Text)
                .Where(m => m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
                .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

        public bool Has(string metric) => Sample().Matches(Text).Any(m => m.Groups["name"].Value == metric);
    }

    public static async Task<Answer> FromAsync(PortalFactory portal, IPAddress address, string? bearer = null, string scheme = "http", string? host = null)
    {
        var context = await portal.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = address;
            request.Request.Method = "GET";
            request.Request.Scheme = scheme;
            request.Request.Host = new Microsoft.AspNetCore.Http.HostString(host ?? "localhost");
            request.Request.Path = "/metrics";
            if (bearer is not null)
            {
                request.Request.Headers.Authorization = "Bearer " + bearer;
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return new Answer(context.Response.StatusCode, context.Response.ContentType ?? "", await reader.ReadToEndAsync());
    }

    public static Task<Answer> FromLoopbackAsync(PortalFactory portal) => FromAsync(portal, IPAddress.Loopback);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[^}]*\})? (?<value>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
