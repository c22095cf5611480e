using System.ComponentModel.DataAnnotations;

namespace Headshots.Jobs.Storage;

/// <summary>
/// The storage connection named "Storage", read the way Azure Functions reads identity-based connections
/// (Storage__blobServiceUri, Storage__clientId, ...), or a connection string for Azurite.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Only for the local emulator; Azure deployments use managed identity and the service URIs.</summary>
    public string? ConnectionString { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }
    /// <summary>Client id of the user-assigned managed identity; empty means the default credential chain.</summary>
    public string? ClientId { get; set; }
    public string? Credential { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasUris = BlobServiceUri is not null && QueueServiceUri is not null && TableServiceUri is not null;
        if (string.IsNullOrWhiteSpace(ConnectionString) && !hasUris)
        {
            yield return new ValidationResult(
                "Storage is not configured: set Storage__blobServiceUri, Storage__queueServiceUri and Storage__tableServiceUri " +
                "(managed identity), or Storage__ConnectionString for the local emulator.");
        }
    }
}
