using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Handlers;

/// <summary>What a job produced: the record of its kind (which names the blobs written) and the engine that made it.</summary>
public sealed record JobOutcome(GpuJobValues Values, string Engine);

/// <summary>Performs one kind of GPU job.</summary>
public interface IGpuJobHandler
{
    string Kind { get; }

    /// <exception cref="InvalidJobException">The job's inputs or parameters are wrong; retrying will not help.</exception>
    Task<JobOutcome> HandleAsync(GpuJobMessage job, CancellationToken cancellationToken);
}
