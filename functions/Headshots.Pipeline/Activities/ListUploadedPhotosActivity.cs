using Headshots.Jobs.Storage;
using Headshots.Pipeline.Intake;
using Microsoft.DurableTask;

namespace Headshots.Pipeline.Activities;

/// <summary>Lists the photos uploaded for a shoot (blob paths), in a stable order.</summary>
public sealed class ListUploadedPhotosActivity(StorageClients storage) : TaskActivity<string, List<string>>
{
    public override Task<List<string>> RunAsync(TaskActivityContext context, string shootId) => RunAsync(shootId, CancellationToken.None);

    /// <summary>The activity's work, without a durable context: the Functions app calls it with the invocation's cancellation token.</summary>
    public async Task<List<string>> RunAsync(string shootId, CancellationToken cancellationToken)
    {
        var container = storage.Container(StorageNames.UploadsContainer);
        var prefix = UploadLayout.PhotosPrefix(shootId);
        var paths = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            paths.Add($"{StorageNames.UploadsContainer}/{blob.Name}");
        }
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
