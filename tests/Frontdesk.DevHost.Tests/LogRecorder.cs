using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Frontdesk.DevHost.Tests;

/// <summary>Records every log entry DevHost writes (level, event id, category, formatted text), for tests that read the log as a developer does.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> WithId(int eventId) => [.. _entries.Where(e => e.EventId == eventId)];

    /// <summary>Waits for an entry that matches, for up to a minute (the pipeline runs on background pumps).</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> wanted, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_entries.FirstOrDefault(wanted) is { } entry)
            {
                return entry;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("No such log entry; the log holds:\n" + string.Join("\n", _entries.Select(e => e.ToString())));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder._entries.Enqueue(new LogEntry(logLevel, eventId.Id, category, formatter(state, exception), exception?.ToString()));
    }
}

public sealed record LogEntry(LogLevel Level, int EventId, string Category, string Message, string? Exception = null)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message}{(Exception is null ? "" : "\n" + Exception)}";
}
