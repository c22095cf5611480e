using System.Globalization;
using System.Text.Json;

namespace Headshots.Local.Stack;

/// <summary>The durable task hub settings from host.json, so the local runtime runs the hub exactly as configured for Azure.</summary>
public sealed record TaskHubSettings(
    string HubName,
    int PartitionCount,
    TimeSpan MaxQueuePollingInterval,
    TimeSpan ControlQueueVisibilityTimeout,
    TimeSpan WorkItemQueueVisibilityTimeout,
    int MaxConcurrentActivities,
    int MaxConcurrentOrchestrations)
{
    public static TaskHubSettings Read(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath)) throw new FileNotFoundException($"host.json not found at {hostJsonPath}.", hostJsonPath);
        using var doc = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!doc.RootElement.TryGetProperty("extensions", out var ext) || !ext.TryGetProperty("durableTask", out var dt))
        {
            throw new InvalidOperationException($"{hostJsonPath} has no extensions.durableTask section.");
        }
        var provider = dt.TryGetProperty("storageProvider", out var sp) ? sp : default;
        return new TaskHubSettings(
            String(dt, "hubName") ?? "HeadshotsHub",
            Int(provider, "partitionCount") ?? 4,
            Time(provider, "maxQueuePollingInterval") ?? TimeSpan.FromSeconds(30),
            Time(provider, "controlQueueVisibilityTimeout") ?? TimeSpan.FromMinutes(5),
            Time(provider, "workItemQueueVisibilityTimeout") ?? TimeSpan.FromMinutes(5),
            Int(dt, "maxConcurrentActivityFunctions") ?? 10,
            Int(dt, "maxConcurrentOrchestratorFunctions") ?? 10);
    }

    static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    static TimeSpan? Time(JsonElement e, string name) =>
        String(e, name) is { } s ? TimeSpan.Parse(s, CultureInfo.InvariantCulture) : null;
}
