using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HakuWinay.Contests.Web.Tests.Notifications;

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
