using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;

namespace Headshots.Pipeline.Limits;

/// <summary>
/// The day's running totals in the costs table, in a partition of their own (<see cref="Partition"/>; shoots' rows are
/// partitioned by shoot id, which is hex): one row per UTC day, written with its ETag.
/// </summary>
public sealed class TableDailySpendStore(StorageClients storage) : IDailySpendStore
{
    public const string Partition = "daily-generation";

    TableClient Table => storage.Table(StorageNames.CostsTable);

    public async Task<DailySpendTotal> ReadAsync(string day, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, day, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity) return new DailySpendTotal(0, null);
        // Table storage has no decimal: the exact amount is kept as invariant text, as in the shoots' cost rows.
        return new DailySpendTotal(decimal.Parse(entity.GetString("AmountText") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture), entity.ETag.ToString());
    }

    public async Task<bool> TryWriteAsync(string day, decimal amount, string? version, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, day)
        {
            ["AmountText"] = amount.ToString(CultureInfo.InvariantCulture),
            ["Amount"] = (double)amount,
        };
        try
        {
            if (version is null) await Table.AddEntityAsync(entity, cancellationToken);
            else await Table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
