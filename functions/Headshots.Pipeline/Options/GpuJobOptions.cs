using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>How long an orchestration waits for one GPU job, and how often it resubmits.</summary>
public sealed class GpuJobOptions
{
    public const string Section = "GpuJobs";

    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;
}
