using Azure.Data.Tables;
using Headshots.Jobs.Storage;

namespace Headshots.Pipeline.Storage;

/// <summary>The photos table: one verdict per uploaded file.</summary>
public sealed class PhotoStore(StorageClients storage)
{
    TableClient Table => storage.Table(StorageNames.PhotosTable);

    public async Task SaveAsync(IEnumerable<PhotoEntity> photos, CancellationToken cancellationToken)
    {
        foreach (var chunk in photos.Chunk(100))
        {
            await Table.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<PhotoEntity>> ListAsync(string shootId, CancellationToken cancellationToken)
    {
        var list = new List<PhotoEntity>();
        await foreach (var p in Table.QueryAsync<PhotoEntity>(p => p.PartitionKey == shootId, cancellationToken: cancellationToken))
        {
            list.Add(p);
        }
        return list;
    }
}
