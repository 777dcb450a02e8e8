using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HakuWinay.Contests.Testing;

/// <summary>
/// One copy of the portal as its own process (<c>dotnet HakuWinay.Contests.Web.dll</c>, from the
/// web project's build output next to this test's), on a free loopback port, with its own data
/// folder and the given settings as command-line arguments. Disposing it kills it.
/// </summary>
internal sealed class SeveralServersCopy : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SeveralServersCopy(string name, Process process, string dataFolder, int port)
    {
        Name = name;
        _process = process;
        DataFolder = dataFolder;
        Port = port;
    }

    public string Name { get; }
    public string DataFolder { get; }
    public int Port { get; }
    public bool HasExited => _process.HasExited;

    /// <summary>What the copy printed, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, _output.TakeLast(60));

    public static SeveralServersCopy Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var dll = WebAssemblyPath();
        var dataFolder = Path.Combine(Path.GetTempPath(), "haku-tests", "copy-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls=http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--DataFolder=" + dataFolder);
        // "Now listening on" is what the test waits for.
        start.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var copy = new SeveralServersCopy(name, process, dataFolder, port);
        process.OutputDataReceived += (_, e) => copy.Received(e.Data);
        process.ErrorDataReceived += (_, e) => copy.Received(e.Data);
        process.Exited += (_, _) => copy._listening.TrySetException(new InvalidOperationException($"Copy {name} exited before listening:{Environment.NewLine}{copy.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return copy;
    }

    /// <summary>Completes when the copy printed "Now listening on" (after migrating and registering its jobs).</summary>
    public Task ListeningAsync(TimeSpan timeout) => _listening.Task.WaitAsync(timeout);

    /// <summary>Kills the process at once, as a crash would, and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web project's own build output, in the configuration and framework this test was built for.</summary>
    private static string WebAssemblyPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HakuWinay.Contests.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException($"No HakuWinay.Contests.sln above {AppContext.BaseDirectory}.");
        }
        var dll = Path.Combine(root.FullName, "src", "HakuWinay.Contests.Web", "bin", configuration, framework, "HakuWinay.Contests.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution (./test.sh does).");
    }
}
