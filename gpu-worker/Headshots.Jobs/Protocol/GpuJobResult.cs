namespace Headshots.Jobs.Protocol;

/// <summary>A message on the gpu-results queue, raised to the waiting orchestration as event "job:{JobId}".</summary>
/// <param name="Outputs">Every blob the job wrote (<see cref="GpuJobValues.Blobs"/>); the orchestrations read them by name from <paramref name="Values"/>.</param>
/// <param name="Values">What a succeeded job reports, the record of its kind (<see cref="GpuJobValues.For"/>); null when it failed.</param>
/// <param name="ErrorCode">Set when <see cref="Succeeded"/> is false: "failed", "poison", "timed-out", "bad-message", "unreadable-result".</param>
/// <param name="Version">
/// The result protocol's version (<see cref="CurrentVersion"/>). Results of the string-dictionary protocol (the worker
/// before typed results) carry none and read as 0; an orchestration refuses them with <see cref="UnreadableCode"/>.
/// </param>
public sealed record GpuJobResult(
    string JobId,
    string InstanceId,
    bool Succeeded,
    IReadOnlyList<string> Outputs,
    GpuJobValues? Values,
    string? ErrorCode,
    string? Error,
    string Engine,
    double Seconds,
    int Version)
{
    /// <summary>2: typed values per kind. 1 (written without a version): a dictionary of strings, "data".</summary>
    public const int CurrentVersion = 2;

    /// <summary>The error code of a result this side of the protocol cannot read.</summary>
    public const string UnreadableCode = "unreadable-result";

    public static GpuJobResult Success(string jobId, string instanceId, GpuJobValues values, string engine, double seconds) =>
        new(jobId, instanceId, true, values.Blobs(), values, null, null, engine, seconds, CurrentVersion);

    public static GpuJobResult Failure(string jobId, string instanceId, string code, string error) =>
        new(jobId, instanceId, false, [], null, code, error, "none", 0, CurrentVersion);

    /// <summary>The values of a succeeded job; null when it failed. Read a result through <see cref="ReadableAs"/> first.</summary>
    public T? ValuesAs<T>() where T : GpuJobValues => Succeeded ? Values as T : null;

    /// <summary>
    /// This result as a job of <paramref name="kind"/> can be read: itself, or a failure that says why not (another
    /// protocol version, or values of another kind), so a stage reads every succeeded result's values safely.
    /// </summary>
    public GpuJobResult ReadableAs(string kind)
    {
        if (Version != CurrentVersion)
        {
            return Failure(JobId, InstanceId, UnreadableCode,
                $"The {kind} job's result is of protocol version {Version} (0: a GPU worker from before typed results); this studio reads version " +
                $"{CurrentVersion}. Deploy the GPU worker and the Functions app from the same release, then run the shoot or refinement again.");
        }
        if (Succeeded && (Values is null || Values.GetType() != GpuJobValues.For(kind)))
        {
            return Failure(JobId, InstanceId, UnreadableCode,
                $"The {kind} job's result carries {Values?.GetType().Name ?? "no values"}, not {GpuJobValues.For(kind)?.Name ?? "a known result"}; " +
                "the worker that ran it does not match this studio.");
        }
        return this;
    }
}
