using Azure;
using Azure.Data.Tables;

namespace Headshots.Pipeline.Storage;

/// <summary>A row of the refines table: PartitionKey = shoot id, RowKey = refine id.</summary>
public sealed class RefineEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ImageId { get; set; } = "";
    public int FromVersion { get; set; }
    public string Changes { get; set; } = "";
    public string Status { get; set; } = "";
    public int? Version { get; set; }
    public double? IdentityDistance { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
