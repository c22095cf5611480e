using System.Security.Cryptography;
using System.Text.Json;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Api;

/// <summary>POST /api/shoots and GET /api/shoots/{id}.</summary>
public sealed class ShootsApi(
    StorageClients storage,
    ShootStore shoots,
    PhotoStore photos,
    UploadSasIssuer sas,
    IOptions<PipelineOptions> options,
    TimeProvider clock)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<ApiResponse> CreateAsync(string body, CancellationToken cancellationToken)
    {
        CreateShootRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CreateShootRequest>(body, ApiResponse.Json);
        }
        catch (JsonException e)
        {
            return ApiResponse.Problem(400, "The request is not valid JSON",
                $"The body is not valid JSON ({e.Message}). Send a JSON object like {{\"email\": \"you@example.com\", \"photos\": [\"IMG_0001.jpg\"]}}.");
        }
        if (request is null) return ApiResponse.Problem(400, "The request is empty", "Send a JSON object with a \"photos\" list of file names.");

        var problems = new List<string>();
        var names = request.Photos ?? [];
        if (names.Count == 0) problems.Add("\"photos\" must list the file names you will upload (10–15 photos)");
        if (names.Count > options.Value.MaxUploads) problems.Add($"at most {options.Value.MaxUploads} photos can be uploaded per shoot, got {names.Count}");
        problems.AddRange(names.Select(UploadLayout.ExplainBadPhotoName).OfType<string>().Distinct());
        var duplicates = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) problems.Add($"these names appear more than once: {string.Join(", ", duplicates)}");
        if (request.Email is not null && !OrderParser.IsEmailAddress(request.Email)) problems.Add($"\"{request.Email}\" is not an email address");
        if (problems.Count > 0) return ApiResponse.Problem(400, "The shoot cannot be created", string.Join("; ", problems) + ".");

        var shootId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var lifetime = options.Value.UploadSasLifetime;
        await shoots.UpdateAsync(shootId, row =>
        {
            row.Status = ShootStatuses.AwaitingUpload;
            row.Stage = ShootStages.Queued;
            row.Email = request.Email;
            row.Name = request.Name;
            row.PhotosUploaded = names.Count;
        }, cancellationToken);

        var uploads = storage.Container(StorageNames.UploadsContainer);
        var blobs = names.Select(n => uploads.GetBlobClient(UploadLayout.PhotoBlob(shootId, n)))
            .Append(uploads.GetBlobClient(UploadLayout.OrderBlob(shootId))).ToList();
        var urls = await sas.IssueAsync(storage.Blobs, blobs, lifetime, cancellationToken);
        return ApiResponse.FromJson(201, new CreateShootResponse(
            shootId,
            clock.GetUtcNow() + lifetime,
            names.Select((n, i) => new UploadTarget(n, urls[i])).ToList(),
            urls[^1],
            $"/api/shoots/{shootId}"));
    }

    public async Task<ApiResponse> GetStatusAsync(string shootId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!UploadLayout.IsValidShootId(shootId))
        {
            return ApiResponse.Problem(404, "No such shoot", "Shoot ids are 32 hexadecimal characters, as returned by POST /api/shoots.");
        }
        var row = await shoots.GetAsync(shootId, cancellationToken);
        if (row is null) return ApiResponse.Problem(404, "No such shoot", $"There is no shoot {shootId}.");
        var status = await ShootStatusReader.ReadAsync(row, await photos.ListAsync(shootId, cancellationToken), client, cancellationToken);
        return ApiResponse.FromJson(200, status);
    }
}
