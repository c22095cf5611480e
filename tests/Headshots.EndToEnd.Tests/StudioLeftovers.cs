using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask.Client;

namespace Headshots.EndToEnd.Tests;

/// <summary>What storage and the orchestration runtime still hold of a shoot, read straight from the emulator.</summary>
internal static class StudioLeftovers
{
    /// <summary>Every file, row and history under the shoot's id, besides its tombstone in the shoots table.</summary>
    public static async Task<List<string>> OfAsync(LocalPorts ports, DurableTaskClient client, string shootId)
    {
        var connection = AzuriteConnection.For(ports);
        var left = new[] { StorageNames.UploadsContainer, StorageNames.WorkContainer, StorageNames.GalleryContainer }
            .SelectMany(c => new BlobContainerClient(connection, c)
                .GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{shootId}/", CancellationToken.None)
                .Select(b => $"{c}/{b.Name}"))
            .ToList();
        foreach (var table in new[] { StorageNames.PhotosTable, StorageNames.JobsTable, StorageNames.RefinesTable })
        {
            left.AddRange(new TableClient(connection, table).Query<TableEntity>(e => e.PartitionKey == shootId).Select(e => $"{table}/{e.RowKey}"));
        }
        if (await client.GetInstanceAsync(shootId, CancellationToken.None) is { } instance) left.Add($"history/{instance.InstanceId} ({instance.RuntimeStatus})");
        var row = new TableClient(connection, StorageNames.ShootsTable).GetEntityIfExists<ShootEntity>(shootId, ShootEntity.Row);
        if (row.HasValue && (row.Value!.Email ?? row.Value.Name ?? row.Value.StatusTokenHash) is not null) left.Add("shoots/personal fields");
        return left;
    }

    /// <summary>Polls until nothing of the shoot is left (a GPU job already running when it was erased may write once more).</summary>
    public static async Task<List<string>> UntilGoneAsync(LocalPorts ports, DurableTaskClient client, string shootId, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var left = await OfAsync(ports, client, shootId);
            if (left.Count == 0 || DateTimeOffset.UtcNow > deadline) return left;
            await Task.Delay(500);
        }
    }

    /// <summary>Every table of the storage account (the studio's and the task hubs' histories) searched for a text.</summary>
    public static List<string> TablesContaining(LocalPorts ports, string text)
    {
        var service = new TableServiceClient(AzuriteConnection.For(ports));
        var found = new List<string>();
        foreach (var table in service.Query())
        {
            foreach (var entity in service.GetTableClient(table.Name).Query<TableEntity>())
            {
                if (((IDictionary<string, object>)entity).Values.OfType<string>().Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase))) found.Add($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}");
            }
        }
        return found;
    }
}
