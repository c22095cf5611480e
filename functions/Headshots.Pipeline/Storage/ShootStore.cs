using Azure;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;

namespace Headshots.Pipeline.Storage;

/// <summary>The shoots table.</summary>
public sealed class ShootStore(StorageClients storage, TimeProvider clock)
{
    TableClient Table => storage.Table(StorageNames.ShootsTable);

    public async Task<ShootEntity?> GetAsync(string shootId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<ShootEntity>(shootId, ShootEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Changes the row only if nobody else changed it since it was read (optimistic concurrency): of several callers
    /// racing to claim a shoot, exactly one gets true.
    /// </summary>
    public async Task<bool> TryClaimAsync(ShootEntity read, Action<ShootEntity> change, CancellationToken cancellationToken)
    {
        change(read);
        read.UpdatedAt = clock.GetUtcNow();
        try
        {
            if (read.ETag == default) await Table.AddEntityAsync(read, cancellationToken);
            else await Table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Reads, changes and writes the row, retrying when another writer got there first.</summary>
    public async Task<ShootEntity> UpdateAsync(string shootId, Action<ShootEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await GetAsync(shootId, cancellationToken);
            var row = existing ?? new ShootEntity { PartitionKey = shootId, CreatedAt = clock.GetUtcNow() };
            change(row);
            row.UpdatedAt = clock.GetUtcNow();
            try
            {
                if (existing is null) await Table.AddEntityAsync(row, cancellationToken);
                else await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return row;
            }
            catch (RequestFailedException e) when ((e.Status is 409 or 412) && attempt < 10)
            {
            }
        }
    }

    /// <summary>The shoots of an order: its first shoot and every reshoot registered under it (started or not), oldest first.</summary>
    public async Task<IReadOnlyList<ShootEntity>> ListOrderAsync(string orderShootId, CancellationToken cancellationToken) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {orderShootId} or OrderShootId eq {orderShootId}"), cancellationToken))
            .OrderBy(r => r.CreatedAt).ToList();

    public async Task<IReadOnlyList<ShootEntity>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = new List<ShootEntity>();
        await foreach (var row in Table.QueryAsync<ShootEntity>(filter, cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }
}
