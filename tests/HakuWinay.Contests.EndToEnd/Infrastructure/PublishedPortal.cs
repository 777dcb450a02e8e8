using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>
/// The portal as README's production sections run it: published once per test run with
/// <c>dotnet publish</c> (reusing the build ./test.sh made), started as a process with a clean
/// environment holding only what a section names, and the openssl commands those sections give.
/// </summary>
internal static class PublishedPortal
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The published HakuWinay.Contests.Web.dll; the first caller publishes it.</summary>
    public static Task<string> DllAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"haku-published-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        };
        // README: dotnet publish src/HakuWinay.Contests.Web -c Release -o /srv/haku
        await RunAsync("dotnet", RepositoryRoot(), "publish", "src/HakuWinay.Contests.Web", "-c", "Release", "-o", folder, "--no-build", "-nodeReuse:false");
        return Path.Combine(folder, "HakuWinay.Contests.Web.dll");
    }

    /// <summary>README's "Data Protection certificate": the two openssl commands; returns the .pfx path and its password.</summary>
    public static async Task<(string Path, string Password)> DataProtectionCertificateAsync(string folder)
    {
        var password = "clave del certificado " + Guid.NewGuid().ToString("N")[..6];
        await RunAsync("openssl", folder, "req", "-x509", "-newkey", "rsa:3072", "-sha256", "-days", "3650", "-nodes",
            "-subj", "/CN=HakuWinay Data Protection", "-keyout", "dataprotection.key", "-out", "dataprotection.crt");
        await RunAsync("openssl", folder, new Dictionary<string, string> { ["DataProtection__CertificatePassword"] = password },
            "pkcs12", "-export", "-in", "dataprotection.crt", "-inkey", "dataprotection.key", "-out", "dataprotection.pfx",
            "-passout", "env:DataProtection__CertificatePassword");
        return (Path.Combine(folder, "dataprotection.pfx"), password);
    }

    /// <summary>What a CA would give for the public host (self-signed here): fullchain.pem and privkey.pem in the folder.</summary>
    public static Task TlsCertificateAsync(string folder, string host = "localhost") =>
        RunAsync("openssl", folder, "req", "-x509", "-newkey", "rsa:2048", "-sha256", "-days", "2", "-nodes",
            "-subj", $"/CN={host}", "-addext", $"subjectAltName=DNS:{host}", "-keyout", "privkey.pem", "-out", "fullchain.pem");

    /// <summary>The published dll with a clean environment: only the given variables, plus what any process needs to run dotnet.</summary>
    public static Process Start(string dll, string urls, IReadOnlyDictionary<string, string> environment, ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(urls);
        return StartProcess(start, environment, log, clearEnvironment: true);
    }

    /// <summary>Any program, its output lines (stdout and stderr) collected in <paramref name="log"/>.</summary>
    public static Process StartProcess(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment, ConcurrentQueue<string> log, bool clearEnvironment = false)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(environment);
        if (clearEnvironment)
        {
            start.Environment.Clear();
            foreach (var inherited in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR" })
            {
                if (Environment.GetEnvironmentVariable(inherited) is { } value)
                {
                    start.Environment[inherited] = value;
                }
            }
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills a started process (and its children) if it still runs, and waits for it.</summary>
    public static async Task StopAsync(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
    }

    /// <summary>Polls /health every 200 ms until it answers 200, failing with the output if the process exits or it takes too long.</summary>
    public static async Task HealthyAsync(HttpClient http, Process process, IEnumerable<string> log)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(process);
        using var timeout = new CancellationTokenSource(Patience);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            Assert.False(process.HasExited, $"{process.StartInfo.FileName} exited:" + Environment.NewLine + string.Join(Environment.NewLine, log));
            try
            {
                using var health = await http.GetAsync("/health", timeout.Token);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet (or, behind a proxy, the proxy's upstream not yet).
            }
            try
            {
                await poll.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"/health never answered 200 at {http.BaseAddress}:" + Environment.NewLine + string.Join(Environment.NewLine, log));
            }
        }
    }

    public static Task RunAsync(string file, string directory, params string[] arguments) => RunAsync(file, directory, new Dictionary<string, string>(), arguments);

    public static async Task RunAsync(string file, string directory, Dictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed:{Environment.NewLine}{await stdout}{await stderr}");
    }

    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HakuWinay.Contests.sln")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new InvalidOperationException($"No HakuWinay.Contests.sln above {AppContext.BaseDirectory}.");
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
