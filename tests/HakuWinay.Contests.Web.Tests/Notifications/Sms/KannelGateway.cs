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

    /// <summary>
    /// Starts smsbox and awaits its own word that it is ready: its log says it set up sendsms on our port
    /// and connected to bearerbox. Then sendsms must refuse a wrong password (403), once, no retry.
    /// </summary>
    public async Task StartAsync()
    {
        var log = Path.Combine(_folder, "smsbox.log");
        // A restart appends to the same log: only what this start writes counts.
        var from = File.Exists(log) ? new FileInfo(log).Length : 0;
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
        var listening = $"Set up send sms service at port {Port.ToString(CultureInfo.InvariantCulture)}";
        await FileSignal.UntilAsync(log, () =>
        {
            var written = ReadFrom(log, from);
            return written.Contains(listening, StringComparison.Ordinal) && written.Contains("Connected to bearerbox at", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "smsbox's log says sendsms is set up and bearerbox connected");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/cgi-bin/sendsms?username=x&password=x&to=1&text=ready"));
        if (answer.StatusCode != HttpStatusCode.Forbidden)
        {
            throw new InvalidOperationException($"smsbox said it was ready, but sendsms answered {(int)answer.StatusCode} to a wrong password instead of 403.");
        }
    }

    /// <summary>Awaits fakesmsc's output file until <paramref name="condition"/> holds of what it received.</summary>
    public static Task UntilReceivedAsync(Func<bool> condition, TimeSpan within, string what) =>
        FileSignal.UntilAsync(TestPrerequisites.FakeSmscLog, condition, within, what);

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
    public static IReadOnlyList<string> ReceivedBy(string mobile) =>
        [.. GotMessage().Matches(ReadFrom(TestPrerequisites.FakeSmscLog, 0)).Where(m => m.Groups["to"].Value == mobile).Select(m => m.Groups["text"].Value)];

    /// <summary>What another process wrote to <paramref name="path"/> after <paramref name="offset"/>, read without locking it.</summary>
    private static string ReadFrom(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
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

/// <summary>
/// Awaits a condition on a file that another process writes (fakesmsc's output, smsbox's log): a
/// FileSystemWatcher re-checks it on each change, so nothing polls and nothing sleeps. The condition is
/// checked once more right after the watcher is armed, so a write made before that is not missed; the
/// deadline fails the test with what was awaited.
/// </summary>
internal static class FileSignal
{
    public static async Task UntilAsync(string path, Func<bool> condition, TimeSpan within, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            try
            {
                if (condition())
                {
                    done.TrySetResult();
                }
            }
            catch (IOException)
            {
                // Not created yet, or mid-rename: the event that follows checks again.
            }
#pragma warning disable CA1031 // A failing condition must fail the test, not vanish on a watcher thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.TrySetException(e);
            }
        }
        var full = Path.GetFullPath(path);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Check();
        watcher.Created += (_, _) => Check();
        watcher.Renamed += (_, _) => Check();
        watcher.Error += (_, e) => done.TrySetException(new IOException($"Watching {full} failed while awaiting: {what}.", e.GetException()));
        watcher.EnableRaisingEvents = true;
        Check();
        try
        {
            await done.Task.WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Not true within {within.TotalSeconds} s: {what} (watching {full}).");
        }
    }
}
