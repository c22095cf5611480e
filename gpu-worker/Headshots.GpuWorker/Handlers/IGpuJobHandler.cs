using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>What a job produced: output blob paths and small named values.</summary>
public sealed record JobOutcome(IReadOnlyList<string> Outputs, IReadOnlyDictionary<string, string> Data, string Engine);

/// <summary>Performs one kind of GPU job.</summary>
public interface IGpuJobHandler
{
    string Kind { get; }

    /// <exception cref="InvalidJobException">The job's inputs or parameters are wrong; retrying will not help.</exception>
    Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken);
}
