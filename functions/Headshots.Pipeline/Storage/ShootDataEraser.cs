using Azure;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Refine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Headshots.Pipeline.Storage;

/// <summary>Why a shoot's data is erased; retention keeps the gallery link's hash so the link answers "expired".</summary>
public enum EraseReason { Request, Retention }

/// <summary>
/// Deletes everything a shoot holds about the person: the uploaded photos, every derived file (face crops, identity
/// profile, candidates, headshots and their versions), the photo verdicts, job and refinement rows, gallery links and
/// orchestration histories. A running shoot is ended first. The shoot's row stays as a tombstone without the email or
/// name, so a late event (an order seen again, a GPU result) cannot start it again and its trainings stay counted; the
/// costs table keeps its amounts, which name no one.
/// </summary>
public sealed class ShootDataEraser(StorageClients storage, ShootStore shoots, RefineStore refines, TimeProvider clock, ILogger<ShootDataEraser> logger)
{
    static readonly string[] Containers = [StorageNames.UploadsContainer, StorageNames.WorkContainer, StorageNames.GalleryContainer];

    public Task<int> EraseAsync(string shootId, DurableTaskClient client, CancellationToken cancellationToken) =>
        EraseAsync(shootId, client, EraseReason.Request, cancellationToken);

    /// <returns>How many files were deleted.</returns>
    public async Task<int> EraseAsync(string shootId, DurableTaskClient client, EraseReason reason, CancellationToken cancellationToken)
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
            row.EmailError = null;
            row.StatusTokenHash = null;
            row.PhotosUploaded = row.PhotosAccepted = row.Delivered = 0;
            row.ErasedAt ??= clock.GetUtcNow();
        }, cancellationToken);

        var refineIds = (await refines.ListAsync(shootId, cancellationToken)).Select(r => r.RowKey).ToList();
        foreach (var instance in refineIds.Select(RefineOrchestrator.InstanceIdFor).Prepend(StopNoticeOrchestrator.InstanceIdFor(shootId)).Prepend(shootId))
        {
            // A shoot still running (or whose email waits for the mail server) is cancelled before its data goes.
            await OrchestrationEnder.EndAsync(client, instance, reason == EraseReason.Request ? "the person deleted the shoot" : "retention ended", cancellationToken);
            await client.PurgeInstanceAsync(instance, cancellation: cancellationToken);
        }

        var blobs = await DeleteDataAsync(shootId, reason, cancellationToken);
        logger.LogInformation("Shoot {ShootId} erased ({Reason}): {Blobs} files, {Refinements} refinements", shootId, reason, blobs, refineIds.Count);
        return blobs;
    }

    /// <summary>
    /// Deletes what reached storage after a shoot was erased (a GPU job that was already running writes its result) and
    /// a history that could not be purged then (an orchestration slow to end on a busy host): the purge calls it again
    /// for recently erased shoots. The tombstone is left as it is.
    /// </summary>
    public async Task<int> SweepAsync(string shootId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(shootId, cancellationToken) is { } instance)
        {
            if (await OrchestrationEnder.EndAsync(client, instance.InstanceId, "the shoot was erased", cancellationToken))
            {
                await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken);
            }
        }
        var blobs = await DeleteDataAsync(shootId, EraseReason.Retention, cancellationToken);
        if (blobs > 0) logger.LogInformation("Shoot {ShootId}: {Blobs} files written after it was erased are deleted", shootId, blobs);
        return blobs;
    }

    async Task<int> DeleteDataAsync(string shootId, EraseReason reason, CancellationToken cancellationToken)
    {
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
        var galleries = storage.Table(StorageNames.GalleriesTable);
        var links = TableClient.CreateQueryFilter($"PartitionKey eq {GalleryEntity.Partition} and ShootId eq {shootId}");
        if (reason == EraseReason.Request)
        {
            await DeleteRowsAsync(galleries, links, cancellationToken);
        }
        else
        {
            // A link whose files retention erased answers "expired" (410), not "not valid": its row keeps only the
            // token's hash, the shoot id and the dates, which name no one.
            var now = clock.GetUtcNow();
            await foreach (var link in galleries.QueryAsync<GalleryEntity>(links, cancellationToken: cancellationToken))
            {
                if (link.ExpiresAt <= now) continue;
                link.ExpiresAt = now;
                await galleries.UpdateEntityAsync(link, ETag.All, TableUpdateMode.Replace, cancellationToken);
            }
        }
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
