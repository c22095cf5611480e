using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Headshots.Jobs.Storage;

namespace Headshots.Pipeline.Storage;

/// <summary>Unguessable, expiring gallery tokens.</summary>
public sealed class GalleryStore(StorageClients storage, TimeProvider clock)
{
    TableClient Table => storage.Table(StorageNames.GalleriesTable);

    /// <summary>A new 256-bit token for the shoot; only its hash is stored.</summary>
    public async Task<string> CreateTokenAsync(string shootId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        await Table.UpsertEntityAsync(new GalleryEntity
        {
            RowKey = Hash(token),
            ShootId = shootId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, TableUpdateMode.Replace, cancellationToken);
        return token;
    }

    public async Task<GalleryLookup> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token)) return new GalleryLookup(GalleryLookupStatus.NotFound, null);
        var hash = Hash(token);
        var row = await Table.GetEntityIfExistsAsync<GalleryEntity>(GalleryEntity.Partition, hash, cancellationToken: cancellationToken);
        if (!row.HasValue || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.Value!.RowKey), Encoding.ASCII.GetBytes(hash)))
        {
            return new GalleryLookup(GalleryLookupStatus.NotFound, null);
        }
        return row.Value.ExpiresAt <= clock.GetUtcNow()
            ? new GalleryLookup(GalleryLookupStatus.Expired, row.Value.ShootId)
            : new GalleryLookup(GalleryLookupStatus.Found, row.Value.ShootId);
    }

    static bool LooksLikeToken(string token) => SecretTokens.LooksLikeToken(token);

    static string Hash(string token) => SecretTokens.Hash(token);
}

public enum GalleryLookupStatus { Found, NotFound, Expired }

public sealed record GalleryLookup(GalleryLookupStatus Status, string? ShootId);
