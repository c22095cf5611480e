using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;

namespace Headshots.Pipeline.Editing;

/// <summary>One paid call, as the costs table keeps it.</summary>
public sealed record CostEntry(string ShootId, string CallId, string Service, string Operation, int Images, decimal Amount, string Currency, DateTimeOffset At);

public interface ICostLedger
{
    /// <summary>Records a call; recording the same <see cref="CostEntry.CallId"/> again replaces it (activities may run twice).</summary>
    Task AddAsync(CostEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<CostEntry>> ListAsync(string shootId, CancellationToken cancellationToken);
}

/// <summary>The costs table: PartitionKey = shoot id, RowKey = call id; one row per paid model call.</summary>
public sealed class CostLedger(StorageClients storage) : ICostLedger
{
    TableClient Table => storage.Table(StorageNames.CostsTable);

    public async Task AddAsync(CostEntry entry, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new CostEntity
        {
            PartitionKey = entry.ShootId,
            RowKey = entry.CallId,
            Service = entry.Service,
            Operation = entry.Operation,
            Images = entry.Images,
            // Table storage has no decimal; the exact amount is kept as invariant text beside a double for queries.
            Amount = (double)entry.Amount,
            AmountText = entry.Amount.ToString(CultureInfo.InvariantCulture),
            Currency = entry.Currency,
            At = entry.At,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<CostEntry>> ListAsync(string shootId, CancellationToken cancellationToken)
    {
        var rows = new List<CostEntry>();
        await foreach (var r in Table.QueryAsync<CostEntity>(e => e.PartitionKey == shootId, cancellationToken: cancellationToken))
        {
            var amount = decimal.TryParse(r.AmountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var exact) ? exact : (decimal)r.Amount;
            rows.Add(new CostEntry(r.PartitionKey, r.RowKey, r.Service, r.Operation, r.Images, amount, r.Currency, r.At));
        }
        return rows;
    }
}

public sealed class CostEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Service { get; set; } = "";
    public string Operation { get; set; } = "";
    public int Images { get; set; }
    public double Amount { get; set; }
    public string AmountText { get; set; } = "";
    public string Currency { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
