using Azure;
using Azure.Data.Tables;

namespace Headshots.Pipeline.Storage;

/// <summary>A row of the photos table: PartitionKey = shoot id, RowKey = the uploaded file name.</summary>
public sealed class PhotoEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public bool Accepted { get; set; }
    public string? Code { get; set; }
    public string? Reason { get; set; }
    public string? Tip { get; set; }
    public string? NormalisedPath { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string? Format { get; set; }
    public double Sharpness { get; set; }
    public double MeanLuma { get; set; }
    /// <summary>Every reason code, comma-separated.</summary>
    public string? Reasons { get; set; }
    public int? Faces { get; set; }
    public double? FaceWidth { get; set; }
    public double? FaceSharpness { get; set; }
    public double? FaceLuma { get; set; }
    public double? Yaw { get; set; }
    public double? IdentityDistance { get; set; }
}
