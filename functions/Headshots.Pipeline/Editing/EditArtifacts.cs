using Azure.Storage.Blobs.Models;
using Headshots.Jobs.Storage;

namespace Headshots.Pipeline.Editing;

/// <summary>Where the edit activity reads its inputs and writes its result: blobs, addressed as container/name.</summary>
public interface IEditArtifacts
{
    Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken);

    Task WriteAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken);
}

public sealed class BlobEditArtifacts(StorageClients storage) : IEditArtifacts
{
    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) =>
        (await storage.Blob(BlobPath.Parse(path)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    public async Task WriteAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken) =>
        await storage.Blob(BlobPath.Parse(path)).UploadAsync(
            new BinaryData(content), new BlobUploadOptions { HttpHeaders = new() { ContentType = contentType } }, cancellationToken);
}
