using Azure;
using Headshots.Jobs.Storage;

namespace Headshots.GpuWorker.Handlers;

/// <summary>Blob reads and writes for handlers, with errors that name the blob.</summary>
public sealed class JobBlobs(StorageClients storage)
{
    /// <summary>Larger than any input a job is given: an upload at the intake's limit, a 16 MP base or delivered image.</summary>
    public const long MaxInputBytes = 256L * 1024 * 1024;

    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            // Into one array of the blob's length, not the SDK's buffered content copied again into a new array.
            using var download = (await storage.Blob(BlobPath.Parse(path)).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            var length = download.Details.ContentLength;
            if (length > MaxInputBytes)
            {
                throw new InvalidJobException($"The input blob '{path}' holds {length / (1024 * 1024)} MB; a job reads at most {MaxInputBytes / (1024 * 1024)} MB.");
            }

            var content = GC.AllocateUninitializedArray<byte>((int)length);
            await download.Content.ReadExactlyAsync(content, cancellationToken);
            return content;
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
