namespace Headshots.Jobs.Protocol;

/// <summary>A message on the gpu-jobs queue. Small: blob paths and parameters, never image bytes.</summary>
/// <param name="JobId">Unique per job and stable across resubmissions: the worker is idempotent by it.</param>
/// <param name="InstanceId">The orchestration instance that waits for the event "job:{JobId}".</param>
/// <param name="Inputs">Input blob paths ("container/name").</param>
/// <param name="OutputPrefix">Blob path prefix ("container/prefix/") under which the outputs are written.</param>
public sealed record GpuJobMessage(
    string JobId,
    string ShootId,
    string InstanceId,
    string Kind,
    IReadOnlyList<string> Inputs,
    string OutputPrefix,
    IReadOnlyDictionary<string, string> Parameters,
    int Attempt)
{
    public static string EventName(string jobId) => $"job:{jobId}";
}
