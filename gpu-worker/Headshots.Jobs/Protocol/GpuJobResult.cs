namespace Headshots.Jobs.Protocol;

/// <summary>A message on the gpu-results queue, raised to the waiting orchestration as event "job:{JobId}".</summary>
/// <param name="Outputs">Output blob paths.</param>
/// <param name="Data">Small named results (measurements, verdicts), never pixels.</param>
/// <param name="ErrorCode">Set when <see cref="Succeeded"/> is false: "failed", "poison", "timed-out", "bad-message".</param>
public sealed record GpuJobResult(
    string JobId,
    string InstanceId,
    bool Succeeded,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, string> Data,
    string? ErrorCode,
    string? Error,
    string Engine,
    double Seconds)
{
    public static GpuJobResult Failure(string jobId, string instanceId, string code, string error) =>
        new(jobId, instanceId, false, [], new Dictionary<string, string>(), code, error, "none", 0);
}
