using Azure;
using Azure.Data.Tables;

namespace Headshots.Jobs.Protocol;

/// <summary>A row of the jobs table: PartitionKey = shoot id, RowKey = job id.</summary>
public sealed class JobEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string Status { get; set; } = JobStatus.Queued;
    public int Submissions { get; set; }
    public int Executions { get; set; }
    public string? Engine { get; set; }
    public string? Model { get; set; }
    public string? WorkerId { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public double GpuSeconds { get; set; }
    public string? ErrorCode { get; set; }
    public string? Error { get; set; }
    /// <summary>The serialised <see cref="GpuJobResult"/>, re-sent when a finished job is delivered again.</summary>
    public string? ResultJson { get; set; }
}
