using Azure;
using Azure.Data.Tables;

namespace Headshots.Pipeline.Storage;

/// <summary>A row of the shoots table: PartitionKey = shoot id, RowKey = "shoot".</summary>
public sealed class ShootEntity : ITableEntity
{
    public const string Row = "shoot";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Status { get; set; } = "";
    public string Stage { get; set; } = "";
    public int Done { get; set; }
    public int Total { get; set; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Looks { get; set; }
    public int PhotosUploaded { get; set; }
    public int PhotosAccepted { get; set; }
    public int Delivered { get; set; }
    public string? Error { get; set; }
    public string? GalleryUrl { get; set; }
    public bool FailureEmailed { get; set; }
    /// <summary>Set in the same write that records the gallery email as sent: a replay or retry never sends it twice.</summary>
    public bool DeliveryEmailed { get; set; }
    /// <summary>pending, sent or given_up (<c>EmailStates</c>); null before the shoot has ended.</summary>
    public string? EmailState { get; set; }
    public int EmailTries { get; set; }
    public DateTimeOffset? EmailNextTryAt { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
    public string? EmailError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Seconds of GPU work per stage, as JSON: the shoot's cost ledger.</summary>
    public string? Ledger { get; set; }
    /// <summary>SHA-256 of the status page's token (the token itself is only in the page's link).</summary>
    public string? StatusTokenHash { get; set; }
    public DateTimeOffset? StatusTokenExpiresAt { get; set; }
    /// <summary>Set when replacement photos were issued after a failed shoot: the next order upload may start it again.</summary>
    public bool RestartRequested { get; set; }
    /// <summary>On a reshoot: the first shoot of its order, whose row counts the order's trainings.</summary>
    public string? OrderShootId { get; set; }
    /// <summary>On an order's first shoot: the reshoots that have started, comma-separated (each counts once).</summary>
    public string? Reshoots { get; set; }
    /// <summary>When the shoot's data was erased (at the person's request or by retention); null while it is kept.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
}
