using Azure;
using Azure.Data.Tables;

namespace Headshots.Pipeline.Storage;

/// <summary>
/// A row of the galleries table. PartitionKey = "gallery", RowKey = SHA-256 of the token: the token itself is never
/// stored, so a leaked table does not open any gallery.
/// </summary>
public sealed class GalleryEntity : ITableEntity
{
    public const string Partition = "gallery";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ShootId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
