using System.Security.Cryptography;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Api;

/// <summary>
/// Creates a shoot that waits for its upload: a new id, the row with its hashed status token, and create-only SAS URLs
/// for each photo and, last, the order. Used for a new order and for a reshoot of one.
/// </summary>
public sealed class ShootRegistration(
    StorageClients storage,
    ShootStore shoots,
    UploadSasIssuer sas,
    IOptions<PipelineOptions> options,
    TimeProvider clock)
{
    /// <summary>What is wrong with a list of photo names a client will upload; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<string> names)
    {
        var problems = new List<string>();
        if (names.Count == 0) problems.Add("\"photos\" must list the file names you will upload (10–15 photos)");
        if (names.Count > options.Value.MaxUploads) problems.Add($"at most {options.Value.MaxUploads} photos can be uploaded per shoot, got {names.Count}");
        problems.AddRange(names.Select(UploadLayout.ExplainBadPhotoName).OfType<string>().Distinct());
        var duplicates = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) problems.Add($"these names appear more than once: {string.Join(", ", duplicates)}");
        return problems;
    }

    /// <param name="describe">Sets what the new row knows besides the upload (email, name, looks, its order).</param>
    public async Task<CreateShootResponse> RegisterAsync(IReadOnlyList<string> names, Action<ShootEntity> describe, CancellationToken cancellationToken)
    {
        var shootId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var lifetime = options.Value.UploadSasLifetime;
        var statusToken = SecretTokens.New();
        await shoots.UpdateAsync(shootId, row =>
        {
            row.StatusTokenHash = SecretTokens.Hash(statusToken);
            row.StatusTokenExpiresAt = clock.GetUtcNow() + TimeSpan.FromDays(options.Value.StatusTokenDays);
            row.Status = ShootStatuses.AwaitingUpload;
            row.Stage = ShootStages.Queued;
            row.PhotosUploaded = names.Count;
            describe(row);
        }, cancellationToken);

        var uploads = storage.Container(StorageNames.UploadsContainer);
        var blobs = names.Select(n => uploads.GetBlobClient(UploadLayout.PhotoBlob(shootId, n)))
            .Append(uploads.GetBlobClient(UploadLayout.OrderBlob(shootId))).ToList();
        var urls = await sas.IssueAsync(storage.Blobs, blobs, lifetime, cancellationToken);
        return new CreateShootResponse(
            shootId,
            clock.GetUtcNow() + lifetime,
            names.Select((n, i) => new UploadTarget(n, urls[i])).ToList(),
            urls[^1],
            StatusUrlOf(shootId, statusToken),
            new Uri(options.Value.PublicBaseUrl!, $"s/{shootId}?t={statusToken}").ToString());
    }

    /// <summary>GET /api/shoots/{id}?t=…: the status API, opened by the same token as the status page.</summary>
    public static string StatusUrlOf(string shootId, string statusToken) => $"/api/shoots/{shootId}?t={Uri.EscapeDataString(statusToken)}";
}
