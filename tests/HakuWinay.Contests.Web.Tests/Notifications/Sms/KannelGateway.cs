using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using HakuWinay.Contests.Testing;

namespace HakuWinay.Contests.Web.Tests.Notifications.Sms;

/// <summary>
/// An smsbox of the test's own, connected to the bearerbox (and fakesmsc) that ./test.sh started,
/// on a sendsms port of its own: the test takes this gateway down and brings it back without
/// disturbing other tests. What fakesmsc received is read from its output file.
/// </summary>
internal sealed partial class KannelGateway : IDisposable
{
    private readonly string _folder;
    private Process? _smsbox;

    public KannelGateway()
    {
        Port = FreePort();
        _folder = Path.Combine(Path.GetTempPath(), "haku-tests", "smsbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        ConfigPath = Path.Combine(_folder, "smsbox.conf");
        // smsbox reads only its own group and the sendsms-user; bearerbox's config names the rest.
        File.WriteAllText(ConfigPath, $"""
            group = core
            admin-port = {FreePort().ToString(CultureInfo.InvariantCulture)}
            smsbox-port = {TestPrerequisites.KannelBearerboxPort.ToString(CultureInfo.InvariantCulture)}

            group = smsbox
            bearerbox-host = 127.0.0.1
            bearerbox-port = {TestPrerequisites.KannelBearerboxPort.ToString(CultureInfo.InvariantCulture)}
            sendsms-port = {Port.ToString(CultureInfo.InvariantCulture)}
            sendsms-interface = 127.0.0.1
            log-file = "{Path.Combine(_folder, "smsbox.log")}"
            log-level = 1

            group = sendsms-user
            username = {TestPrerequisites.KannelUser}
            password = {TestPrerequisites.KannelPassword}
            max-messages = 4
            concatenation = true
            """);
    }

    public int Port { get; }

    public string ConfigPath { get; }

    /// <summary>Starts smsbox and waits until its sendsms answers (a wrong password: 403).</summary>
    public async Task StartAsync()
    {
        _smsbox = Process.Start(new ProcessStartInfo(TestPrerequisites.SmsboxExecutable, ConfigPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _smsbox.OutputDataReceived += (_, _) => { };
        _smsbox.ErrorDataReceived += (_, _) => { };
        _smsbox.BeginOutputReadLine();
        _smsbox.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/cgi-bin/sendsms?username=x&password=x&to=1&text=ready"));
                return answer.StatusCode == HttpStatusCode.Forbidden;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "smsbox's sendsms answers");
    }

    /// <summary>Takes the gateway down: smsbox stops, its port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (_smsbox is { HasExited: false })
        {
            _smsbox.Kill();
            await _smsbox.WaitForExitAsync();
        }
        _smsbox?.Dispose();
        _smsbox = null;
    }

    /// <summary>The lines fakesmsc printed for SMS to <paramref name="mobile"/>: "&lt;from to text TEXT&gt;", the text decoded.</summary>
    public static IReadOnlyList<string> ReceivedBy(string mobile)
    {
        string log;
        using (var stream = new FileStream(TestPrerequisites.FakeSmscLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            log = reader.ReadToEnd();
        }
        return [.. GotMessage().Matches(log).Where(m => m.Groups["to"].Value == mobile).Select(m => m.Groups["text"].Value)];
    }

    public void Dispose()
    {
        if (_smsbox is { HasExited: false })
        {
            _smsbox.Kill();
            _smsbox.WaitForExit();
        }
        _smsbox?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Got message \d+: <(?<from>\S+) (?<to>\S+) text (?<text>[^\n]*)>\r?$", RegexOptions.Multiline)]
    private static partial Regex GotMessage();
}

/// <summary>Re-checks a condition until it holds or a deadline passes (a polling read with a deadline, never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > within)
            {
                throw new TimeoutException($"Not true within {within.TotalSeconds} s: {what}.");
            }
            await Task.Delay(100);
        }
    }
}
