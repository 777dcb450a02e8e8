using System.Globalization;
using System.Net.Sockets;
using HakuWinay.Contests.Notifications.Sms;
using Microsoft.Extensions.Options;

namespace HakuWinay.Contests.Web.Notifications.Sms;

/// <summary>
/// Hands SMS to Kannel's smsbox through <c>/cgi-bin/sendsms</c>. GSM-7 texts go as coding 0 and
/// Kannel packs them; others as UCS-2 (coding 2) from UTF-8. Each SMS asks for every delivery
/// report (dlr-mask 31) at <c>/sms/dlr/{id}/{token}?type=%d</c>. Kannel answers 202 when it took the
/// message; a refused connection or a 4xx/5xx means it did not; a timeout after the request left
/// leaves it in doubt (docs/decisions/035).
/// </summary>
public sealed class KannelSmsTransport(HttpClient http, IOptions<SmsSettings> options, IConfiguration configuration) : ISmsTransport
{
    public const string HttpClientName = "kannel";

    public async Task<SmsSendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var url = SendUrl(options.Value, sms, DeliveryReportRoot(options.Value, configuration));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // Nothing reached Kannel: safe to try again later.
            return new SmsSendResult(SmsSendOutcome.NotSent, $"Kannel {options.Value.Host}:{options.Value.Port}: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new SmsSendResult(SmsSendOutcome.Unknown, $"Kannel did not answer within {options.Value.TimeoutSeconds} s: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return new SmsSendResult(SmsSendOutcome.Unknown, $"Kannel: {ex.Message}");
        }
        using (response)
        {
            var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            if (body.Length > 300)
            {
                body = body[..300];
            }
            // "0: Accepted for delivery" or "3: Queued for later delivery", both 202.
            return (int)response.StatusCode is 200 or 202
                ? SmsSendResult.Accepted
                : new SmsSendResult(SmsSendOutcome.NotSent, $"Kannel {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>The sendsms address for one SMS; public for its tests.</summary>
    public static Uri SendUrl(SmsSettings settings, OutgoingSms sms, Uri? deliveryReportRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sms);
        var ucs2 = SmsLength.Measure(sms.Text).Encoding == SmsEncoding.Ucs2;
        var query = new List<(string, string)>
        {
            ("username", settings.User ?? ""),
            ("password", settings.Password ?? ""),
            ("to", sms.To),
            ("text", sms.Text),
            ("charset", "UTF-8"),
            ("coding", ucs2 ? "2" : "0"),
        };
        if (!string.IsNullOrWhiteSpace(settings.SenderId))
        {
            query.Add(("from", settings.SenderId));
        }
        if (!string.IsNullOrWhiteSpace(settings.SmscId))
        {
            query.Add(("smsc", settings.SmscId));
        }
        if (deliveryReportRoot is not null)
        {
            // %d is Kannel's placeholder for the report type: written as is, escaped once with the rest.
            var dlr = $"{deliveryReportRoot.AbsoluteUri}sms/dlr/{sms.OutboxId.ToString(CultureInfo.InvariantCulture)}/{sms.DeliveryToken}?type=%d";
            query.Add(("dlr-mask", "31"));
            query.Add(("dlr-url", dlr));
        }
        var text = string.Join('&', query.Select(q => q.Item1 + "=" + Uri.EscapeDataString(q.Item2)));
        return new UriBuilder(settings.Scheme, settings.Host, settings.Port, "/cgi-bin/sendsms") { Query = text }.Uri;
    }

    private static Uri? DeliveryReportRoot(SmsSettings settings, IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(settings.DeliveryReportBaseUrl)
            && Uri.TryCreate(settings.DeliveryReportBaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root)
            ? root
            : Hosting.PublicAddress.Configured(configuration);
}
