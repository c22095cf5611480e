using Azure.Data.Tables;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;

namespace Headshots.Pipeline.Limits;

/// <summary>
/// Counts over the shoots table (one partition per shoot, so both are filtered scans: fine for a studio's thousands of
/// rows; only the columns the count needs are read).
/// </summary>
public sealed class TableShootCounts(StorageClients storage) : IShootCounts
{
    TableClient Table => storage.Table(StorageNames.ShootsTable);

    public async Task<int> InFlightAsync(DateTimeOffset uploadsOpenSince, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"Status eq {ShootStatuses.Running} or (Status eq {ShootStatuses.AwaitingUpload} and CreatedAt ge {uploadsOpenSince})");
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, select: ["Status"], cancellationToken: cancellationToken)) count++;
        return count;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> StartedByAsync(string email, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var started = new List<DateTimeOffset>();
        var filter = TableClient.CreateQueryFilter($"CreatedAt ge {since}");
        await foreach (var row in Table.QueryAsync<ShootEntity>(filter, select: [nameof(ShootEntity.Email), nameof(ShootEntity.CreatedAt)], cancellationToken: cancellationToken))
        {
            if (string.Equals(row.Email, email, StringComparison.OrdinalIgnoreCase)) started.Add(row.CreatedAt);
        }
        return started;
    }
}
