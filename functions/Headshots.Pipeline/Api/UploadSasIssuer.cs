using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Headshots.Pipeline.Api;

/// <summary>
/// Issues create/write-only SAS URLs for single blobs. With a key (the local emulator) the SAS is signed with it;
/// in Azure, where shared keys are disabled, it is a user delegation SAS signed through the managed identity.
/// </summary>
public sealed class UploadSasIssuer(TimeProvider clock)
{
    public async Task<IReadOnlyList<Uri>> IssueAsync(BlobServiceClient service, IReadOnlyList<BlobClient> blobs, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiresOn = now + lifetime;
        UserDelegationKey? key = null;
        var urls = new List<Uri>(blobs.Count);
        foreach (var blob in blobs)
        {
            var sas = new BlobSasBuilder
            {
                BlobContainerName = blob.BlobContainerName,
                BlobName = blob.Name,
                Resource = "b",
                // A little slack for clocks that run behind.
                StartsOn = now.AddMinutes(-5),
                ExpiresOn = expiresOn,
                Protocol = blob.Uri.Scheme == "https" ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            };
            sas.SetPermissions(BlobSasPermissions.Create | BlobSasPermissions.Write);
            if (blob.CanGenerateSasUri)
            {
                urls.Add(blob.GenerateSasUri(sas));
                continue;
            }
            key ??= (await service.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(expiresOn) { StartsOn = now.AddMinutes(-5) }, cancellationToken)).Value;
            urls.Add(new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri());
        }
        return urls;
    }
}
