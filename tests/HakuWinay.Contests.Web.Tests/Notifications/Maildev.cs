using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace HakuWinay.Contests.Web.Tests.Notifications;

public sealed record MaildevAddress(string Address, string? Name);

public sealed record MaildevEmail(
    string Id, string Subject, IReadOnlyList<MaildevAddress> To, string? Text, string? Html,
    [property: JsonPropertyName("headers")] Dictionary<string, object>? Headers);

/// <summary>Reads what a maildev server received, through its HTTP API.</summary>
public sealed class MaildevClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<MaildevEmail>> AllAsync() =>
        await _http.GetFromJsonAsync<List<MaildevEmail>>("/api/email") ?? [];

    /// <summary>
    /// maildev answers the SMTP transaction before it has stored the message, so the API may lag
    /// the send by a few milliseconds: wait for the condition, bounded, instead of a fixed sleep.
    /// </summary>
    public async Task<IReadOnlyList<MaildevEmail>> WaitForAsync(string subject, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var matching = (await AllAsync()).Where(m => m.Subject == subject).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                return matching;
            }
            await Task.Delay(50);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A maildev of the test's own, to stop and start an SMTP server at will.</summary>
public sealed class MaildevProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _mailFolder;

    private MaildevProcess(Process process, string mailFolder, int smtpPort, int webPort)
    {
        _process = process;
        _mailFolder = mailFolder;
        SmtpPort = smtpPort;
        WebUrl = new Uri($"http://127.0.0.1:{webPort}");
    }

    public int SmtpPort { get; }

    public Uri WebUrl { get; }

    /// <summary>Starts maildev and returns once it prints that both servers listen.</summary>
    public static async Task<MaildevProcess> StartAsync(string executable, int smtpPort)
    {
        var webPort = FreePort();
        var mailFolder = Directory.CreateTempSubdirectory("haku-maildev-").FullName;
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = mailFolder,
        };
        foreach (var argument in new[]
        {
            "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--smtp", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mail-directory", mailFolder,
        })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("maildev exited: " + string.Join('\n', output)));
                return;
            }
            output.Enqueue(e.Data);
            if (e.Data.Contains("Press Ctrl+C to stop", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new MaildevProcess(process, mailFolder, smtpPort, webPort);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_mailFolder, recursive: true);
    }
}
