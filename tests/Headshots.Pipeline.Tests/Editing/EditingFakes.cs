using Headshots.AzureOpenAiStandIn;
using System.Collections.Concurrent;
using Azure.Core;
using Headshots.Pipeline.Editing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.Pipeline.Tests.Editing;

/// <summary>A clock whose timers fire at once and remember what they were asked to wait: retries without sleeping.</summary>
internal sealed class InstantDelays : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan) Waits.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}

internal sealed class MemoryArtifacts : IEditArtifacts
{
    public ConcurrentDictionary<string, byte[]> Blobs { get; } = new();

    public Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) =>
        Blobs.TryGetValue(path, out var bytes) ? Task.FromResult(bytes) : throw new FileNotFoundException(path);

    public Task WriteAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        Blobs[path] = content;
        return Task.CompletedTask;
    }
}

internal sealed class MemoryLedger : ICostLedger
{
    public ConcurrentDictionary<(string, string), CostEntry> Entries { get; } = new();

    public Task AddAsync(CostEntry entry, CancellationToken cancellationToken)
    {
        Entries[(entry.ShootId, entry.CallId)] = entry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CostEntry>> ListAsync(string shootId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CostEntry>>(Entries.Values.Where(e => e.ShootId == shootId).ToList());
}

internal static class Editors
{
    public static AzureOpenAIOptions Options(FakeAzureOpenAiServer server, Action<AzureOpenAIOptions>? change = null)
    {
        var o = new AzureOpenAIOptions { Endpoint = server.Endpoint, Deployment = FakeAzureOpenAiServer.Deployment, Timeout = TimeSpan.FromSeconds(20) };
        change?.Invoke(o);
        return o;
    }

    public static AzureOpenAiImageEditor Create(AzureOpenAIOptions options, TokenCredential? credential = null) => new(
        AzureOpenAiImageEditor.CreateClient(options, credential ?? new FakeCredential()),
        Microsoft.Extensions.Options.Options.Create(options),
        new PromptTemplates(),
        TimeProvider.System,
        NullLogger<AzureOpenAiImageEditor>.Instance);
}
