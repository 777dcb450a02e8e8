using System.Collections.Concurrent;
using HakuWinay.Contests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace HakuWinay.Contests.Web.Tests.Hosting;

/// <summary>
/// Every log entry a portal writes, with its scopes, as text and as the portal's own console formatter
/// (the JSON one in Production) would print it. Add it with <see cref="Portal"/>.
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentBag<(Func<Entry, bool> Match, TaskCompletionSource<Entry> Seen)> _waits = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>The console formatter to render with; null until the portal has started.</summary>
    public ConsoleFormatter? Formatter { get; set; }

    public IReadOnlyCollection<Entry> Entries => _entries;

    /// <summary>One log entry: its category, text (message, state values, scopes, exception) and, when a formatter is set, its console line.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, string Text, string? ConsoleLine);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Completes with the first entry (already written or to come) that matches.</summary>
    public Task<Entry> WaitForAsync(Func<Entry, bool> match)
    {
        var seen = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits.Add((match, seen));
        foreach (var entry in _entries.Where(match))
        {
            seen.TrySetResult(entry);
        }
        return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
    }

    /// <summary>A portal whose logging includes <paramref name="log"/> and whose console stays at warnings.</summary>
    public static PortalFactory Portal(CapturedLog log, IDictionary<string, string?> settings, string environment = "Development") =>
        new CapturingPortal(log, settings, environment);

    private void Add(Entry entry)
    {
        _entries.Enqueue(entry);
        foreach (var (match, seen) in _waits)
        {
            if (match(entry))
            {
                seen.TrySetResult(entry);
            }
        }
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder(formatter(state, exception));
            Append(text, state);
            log._scopes.ForEachScope((scope, builder) => Append(builder, scope), text);
            text.Append(' ').Append(exception);
            string? line = null;
            if (log.Formatter is { } console)
            {
                using var writer = new StringWriter();
                console.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), log._scopes, writer);
                line = writer.ToString();
            }
            log.Add(new Entry(category, logLevel, formatter(state, exception), text.ToString(), line));
        }

        private static void Append(System.Text.StringBuilder text, object? state)
        {
            text.Append(" | ").Append(state);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(' ').Append(key).Append('=').Append(value);
                }
            }
        }
    }

    private sealed class CapturingPortal(CapturedLog log, IDictionary<string, string?> settings, string environment)
        : PortalFactory(WithQuietConsole(settings), environment)
    {
        private static Dictionary<string, string?> WithQuietConsole(IDictionary<string, string?> settings) =>
            new(settings, StringComparer.OrdinalIgnoreCase) { ["Logging:Console:LogLevel:Default"] = "Warning" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(log));
        }
    }
}
