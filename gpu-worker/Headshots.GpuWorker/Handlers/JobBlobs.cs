using Azure;
using Headshots.Jobs.Storage;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Blob reads and writes for handlers, with errors that name the blob.</summary>
public sealed class JobBlobs(StorageClients storage)
{
    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Blob(BlobPath.Parse(path)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidJobException($"The input blob '{path}' does not exist.");
        }
    }

    public async Task<long> SizeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var props = await storage.Blob(BlobPath.Parse(path)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return props.Value.ContentLength;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidJobException($"The input blob '{path}' does not exist.");
        }
    }

    /// <summary>Writes (overwriting): a re-run job produces the same blob names, so outputs are never duplicated.</summary>
    public async Task<string> WriteAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        var blob = storage.Blob(BlobPath.Parse(path));
        await blob.UploadAsync(
            new BinaryData(content),
            new Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = new() { ContentType = contentType } },
            cancellationToken);
        return path;
    }
}
