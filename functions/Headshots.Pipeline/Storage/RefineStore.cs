using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Refine;

namespace Headshots.Pipeline.Storage;

/// <summary>The refines table: each refinement a person asked for and where it stands.</summary>
public sealed class RefineStore(StorageClients storage, TimeProvider clock)
{
    TableClient Table => storage.Table(StorageNames.RefinesTable);

    public async Task CreateAsync(string shootId, string refineId, string imageId, int fromVersion, string changes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await Table.AddEntityAsync(new RefineEntity
        {
            PartitionKey = shootId,
            RowKey = refineId,
            ImageId = imageId,
            FromVersion = fromVersion,
            Changes = changes,
            Status = RefineStatuses.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
    }

    public async Task<RefineEntity?> GetAsync(string shootId, string refineId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<RefineEntity>(shootId, refineId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The shoot's refinements, newest first.</summary>
    public async Task<List<RefineEntity>> ListAsync(string shootId, CancellationToken cancellationToken)
    {
        var rows = new List<RefineEntity>();
        await foreach (var row in Table.QueryAsync<RefineEntity>(r => r.PartitionKey == shootId, cancellationToken: cancellationToken)) rows.Add(row);
        return rows.OrderByDescending(r => r.CreatedAt).ToList();
    }

    public async Task RecordAsync(RefineRecord record, CancellationToken cancellationToken)
    {
        // A merge of only the changed columns: a replayed record writes the same values again.
        var entity = new TableEntity(record.ShootId, record.RefineId)
        {
            [nameof(RefineEntity.Status)] = record.Status,
            [nameof(RefineEntity.UpdatedAt)] = clock.GetUtcNow(),
        };
        if (record.Version is { } version) entity[nameof(RefineEntity.Version)] = version;
        if (record.IdentityDistance is { } distance) entity[nameof(RefineEntity.IdentityDistance)] = distance;
        if (record.Message is { } message) entity[nameof(RefineEntity.Message)] = message;
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }
}
