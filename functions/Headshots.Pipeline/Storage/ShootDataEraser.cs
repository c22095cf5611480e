using Azure;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Refine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Storage;

/// <summary>
/// Deletes everything a shoot holds about the person, at their request: the uploaded photos, every derived file (face
/// crops, identity profile, candidates, headshots and their versions), the photo verdicts, job and refinement rows,
/// gallery links and orchestration histories. The shoot's row stays as a tombstone without the email or name, so a
/// late event cannot start it again; the costs table keeps its amounts, which name no one.
/// </summary>
public sealed class ShootDataEraser(StorageClients storage, ShootStore shoots, RefineStore refines, ILogger<ShootDataEraser> logger)
{
    static readonly string[] Containers = [StorageNames.UploadsContainer, StorageNames.WorkContainer, StorageNames.GalleryContainer];

    public async Task<int> EraseAsync(string shootId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        // The tombstone first: a page or API call arriving mid-way already sees the shoot as deleted.
        await shoots.UpdateAsync(shootId, row =>
        {
            row.Status = ShootStatuses.Deleted;
            row.Stage = ShootStatuses.Deleted;
            row.Email = null;
            row.Name = null;
            row.GalleryUrl = null;
            row.Error = null;
            row.StatusTokenHash = null;
            row.PhotosUploaded = row.PhotosAccepted = row.Delivered = 0;
        }, cancellationToken);

        var refineIds = (await refines.ListAsync(shootId, cancellationToken)).Select(r => r.RowKey).ToList();
        foreach (var instance in refineIds.Select(RefineOrchestrator.InstanceIdFor).Prepend(StopNoticeOrchestrator.InstanceIdFor(shootId)).Prepend(shootId))
        {
            // A shoot whose email still waits for the mail server is running; its input holds the email address.
            await OrchestrationEnder.EndAsync(client, instance, "the person deleted the shoot", cancellationToken);
            await client.PurgeInstanceAsync(instance, cancellation: cancellationToken);
        }

        var blobs = 0;
        foreach (var name in Containers)
        {
            var container = storage.Container(name);
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{shootId}/", cancellationToken))
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, Azure.Storage.Blobs.Models.DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                blobs++;
            }
        }

        foreach (var table in new[] { StorageNames.PhotosTable, StorageNames.JobsTable, StorageNames.RefinesTable })
        {
            await DeleteRowsAsync(storage.Table(table), TableClient.CreateQueryFilter($"PartitionKey eq {shootId}"), cancellationToken);
        }
        await DeleteRowsAsync(storage.Table(StorageNames.GalleriesTable),
            TableClient.CreateQueryFilter($"PartitionKey eq {GalleryEntity.Partition} and ShootId eq {shootId}"), cancellationToken);

        logger.LogInformation("Shoot {ShootId} erased at the person's request: {Blobs} files, {Refinements} refinements", shootId, blobs, refineIds.Count);
        return blobs;
    }

    static async Task DeleteRowsAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
    }
}
