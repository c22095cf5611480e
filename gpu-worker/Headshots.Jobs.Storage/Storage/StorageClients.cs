using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Headshots.Jobs.Storage;

/// <summary>The three storage service clients, built once from <see cref="StorageOptions"/>.</summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Blobs = new BlobServiceClient(o.ConnectionString);
            Queues = new QueueServiceClient(o.ConnectionString, queueOptions);
            Tables = new TableServiceClient(o.ConnectionString);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(o.ClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ClientId));
            Blobs = new BlobServiceClient(o.BlobServiceUri, credential);
            Queues = new QueueServiceClient(o.QueueServiceUri, credential, queueOptions);
            Tables = new TableServiceClient(o.TableServiceUri, credential);
        }
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);
    public QueueClient Queue(string name) => Queues.GetQueueClient(name);
    public TableClient Table(string name) => Tables.GetTableClient(name);

    public BlobClient Blob(BlobPath path) => Container(path.Container).GetBlobClient(path.Name);

    /// <summary>Creates every container, queue and table; in Azure the Bicep has already done it.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var c in StorageNames.Containers) await Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var q in StorageNames.Queues) await Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var t in StorageNames.Tables) await Table(t).CreateIfNotExistsAsync(cancellationToken);
    }
}
