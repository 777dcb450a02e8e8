using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HakuWinay.Contests.EndToEnd.Infrastructure;

/// <summary>
/// A <see cref="KestrelPortal"/> that keeps every warning and error it logs, for tests that a journey
/// leaves none. A circuit whose browser went away without saying so (a tab closed mid-navigation) is
/// dropped after two seconds instead of three minutes, so a test sees its end.
/// </summary>
public sealed class LoggingKestrelPortal : KestrelPortal
{
    public LoggingKestrelPortal()
        : base(settings: null)
    {
    }

    // Initialised before the base constructor starts the server, which is when the provider is added.
    public RecordingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.Configure<CircuitOptions>(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(2));
        });
    }
}

/// <summary>One logged entry: its category, level, message and exception.</summary>
public sealed record LoggedEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}

/// <summary>Records what the portal logs at Warning and above (the portal's tests filter out the rest).</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyList<LoggedEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LoggedEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LoggedEntry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
