using System.Collections.Concurrent;

namespace Headshots.Local.Stack;

/// <summary>Appends log lines to a file, so the terminal stays free for progress bars.</summary>
public sealed class FileLoggerProvider : ILoggerProvider
{
    readonly StreamWriter writer;
    readonly ConcurrentDictionary<string, FileLogger> loggers = new();

    public FileLoggerProvider(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, c => new FileLogger(c, this));

    void Write(string line)
    {
        lock (writer) writer.WriteLine(line);
    }

    public void Dispose()
    {
        lock (writer) writer.Dispose();
    }

    sealed class FileLogger(string category, FileLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{DateTimeOffset.UtcNow:O} {logLevel,-11} {category}: {formatter(state, exception)}";
            if (exception is not null) line += Environment.NewLine + exception;
            provider.Write(line);
        }
    }
}
