using System.Globalization;
using Headshots.Jobs.Edits;
using Headshots.Pipeline.Api;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Limits;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Headshots.Pipeline.Refine;

/// <summary>
/// POST /g/{token}/refine (ask for a refinement of one image) and GET /g/{token}/refine/{refineId} (where it stands).
/// The gallery token is the only key: whoever may see the gallery may refine it.
/// </summary>
public sealed class RefineApi(
    GalleryStore galleries,
    GalleryManifestStore manifests,
    StorageClients storage,
    RefineStore refines,
    ShootSettingsFactory settings,
    CreationGate gate,
    IOptions<EditingOptions> editing)
{
    /// <summary>Versions one image may have, the original included: a bound on storage and GPU time per gallery.</summary>
    public const int MaxVersionsPerImage = 20;

    /// <summary>Refinements of one gallery that may be waiting or running at once.</summary>
    public const int MaxInFlightPerShoot = 3;

    public const string ImageField = "image";
    public const string FromField = "from";

    public async Task<ApiResponse> CreateAsync(string token, string? contentType, string? body, RequestOrigin origin, DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (gate.Admit(origin, "POST /g/{token}/refine") is { } limited) return limited;
        var form = contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var lookup = await galleries.FindAsync(token, cancellationToken);
        if (lookup.Status != GalleryLookupStatus.Found)
        {
            return lookup.Status == GalleryLookupStatus.Expired
                ? Fail(410, "This gallery has expired", "Ask the studio for a new link; refinements need a gallery that is still open.")
                : Fail(404, "No such gallery", "Check that you used the whole link from your email.");
        }
        if (body is null) return Fail(413, "The request is too large", $"Send at most {RefineRequestReader.MaxBodyBytes} bytes.");
        var (fields, readError) = RefineRequestReader.Read(contentType, body);
        if (fields is null) return Fail(415, "The request cannot be read", readError!);

        var manifest = await manifests.ReadAsync(lookup.ShootId!, cancellationToken);
        if (manifest is null) return Fail(410, "This gallery has expired", "Its images have been removed; ask the studio for a new shoot.");
        var imageId = fields.GetValueOrDefault(ImageField)?.Trim();
        var image = imageId is null ? null : manifest.Find(imageId);
        if (image is null)
        {
            return Fail(404, "No such image", $"Say which image to refine in \"{ImageField}\": one of {string.Join(", ", manifest.Images.Select(i => i.ImageId))}.");
        }

        var from = image.LatestVersion;
        if (fields.GetValueOrDefault(FromField) is { Length: > 0 } fromText
            && (!int.TryParse(fromText, NumberStyles.None, CultureInfo.InvariantCulture, out from) || (from != 1 && image.Version(from) is null)))
        {
            return Fail(404, "No such version", $"Image {image.ImageId} has versions 1 to {image.LatestVersion}; \"{FromField}\" must be one of them.");
        }
        var (sourceBase, sourceMegapixels, sourceRedrawn) = from == 1
            ? (image.BasePath, image.SourceMegapixels, null)
            : (image.Version(from)!.BasePath, image.Version(from)!.SourceMegapixels, image.Version(from)!.Redrawn);
        if (sourceBase is null)
        {
            return Fail(409, "This image cannot be refined", "It was delivered before refinements were possible; order a new shoot to refine it.");
        }

        var parsed = RefineEdits.Parse(fields.Where(f => f.Key is not (ImageField or FromField)).ToDictionary(f => f.Key, f => f.Value));
        if (!parsed.Succeeded) return Fail(400, "The refinement cannot be made", string.Join(" ", parsed.Errors));
        var edits = parsed.Edits!;
        if (Refusal(edits, editing.Value.GenerativeEditsAvailable) is { } refusal) return Fail(refusal.Status, refusal.Title, refusal.Detail);
        if (image.LatestVersion >= MaxVersionsPerImage)
        {
            return Fail(409, "Too many versions", $"Image {image.ImageId} already has {MaxVersionsPerImage} versions; refine another image, or start from an earlier version's download.");
        }
        var inFlight = (await refines.ListAsync(manifest.ShootId, cancellationToken)).Count(r => !RefineStatuses.IsFinal(r.Status));
        if (inFlight >= MaxInFlightPerShoot)
        {
            return Fail(429, "Refinements are still being made", $"{inFlight} refinements of this gallery are still in progress; ask again once one has finished.");
        }

        var inherited = from == 1 ? new Dictionary<string, string>() : image.Version(from)!.Retouch;
        var retouch = RetouchFields(inherited, edits);
        var jobFields = new Dictionary<string, string>(retouch);
        foreach (var (key, value) in edits.ToFields().Where(f => f.Key is RefineEdits.ClothesField or RefineEdits.BackgroundField)) jobFields[key] = value;

        var generative = edits.NeedsGenerativeEngine ? await GenerativeChangeAsync(manifest.ShootId, edits, cancellationToken) : null;
        var refineId = Guid.NewGuid().ToString("N");
        var changes = edits.Describe();
        await refines.CreateAsync(manifest.ShootId, refineId, image.ImageId, from, changes, cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RefineOrchestrator),
            new RefineInput(manifest.ShootId, refineId, image.ImageId, from, image.Aspect, sourceBase, jobFields, retouch, changes, manifest.ProfilePath, settings.Settings(), generative,
                sourceMegapixels, sourceRedrawn),
            new StartOrchestrationOptions(RefineOrchestrator.InstanceIdFor(refineId)), cancellationToken);

        var statusUrl = $"/g/{token}/refine/{refineId}";
        return form
            ? ApiResponse.Redirect($"/g/{token}?refine={refineId}#{image.ImageId}")
            : ApiResponse.FromJson(202, new RefineStatus(refineId, image.ImageId, from, changes, RefineStatuses.Queued, null, null, null, statusUrl));
    
        // A person using the page's form gets a page back, with the way back to the gallery; clients get RFC 9457.
        ApiResponse Fail(int status, string title, string detail) => form
            ? ApiResponse.Page(status, GalleryPageRenderer.RenderMessage(title, detail, $"/g/{token}"))
            : ApiResponse.Problem(status, title, detail);
    }

    public async Task<ApiResponse> StatusAsync(string token, string refineId, CancellationToken cancellationToken)
    {
        var lookup = await galleries.FindAsync(token, cancellationToken);
        if (lookup.Status != GalleryLookupStatus.Found) return ApiResponse.Problem(404, "No such gallery", "Check that you used the whole link from your email.");
        var row = refineId.Length == 32 && refineId.All(char.IsAsciiHexDigitLower) ? await refines.GetAsync(lookup.ShootId!, refineId, cancellationToken) : null;
        return row is null
            ? ApiResponse.Problem(404, "No such refinement", "This gallery has no refinement with that id.")
            : ApiResponse.FromJson(200, new RefineStatus(row.RowKey, row.ImageId, row.FromVersion, row.Changes, row.Status, row.Version, row.IdentityDistance, row.Message,
                $"/g/{token}/refine/{row.RowKey}"));
    }

    /// <summary>The generative edit kind and mask region of each generative refine field.</summary>
    static readonly Dictionary<string, (GenerativeEditKind Kind, string Region)> GenerativeFields = new(StringComparer.Ordinal)
    {
        [RefineEdits.HairField] = (GenerativeEditKind.Hair, "hair"),
        [RefineEdits.ExpressionField] = (GenerativeEditKind.Expression, "expression"),
        [RefineEdits.OutfitField] = (GenerativeEditKind.Clothing, "clothing"),
        // A new setting repaints everything outside the person; the person, face and hair are kept.
        [RefineEdits.SceneField] = (GenerativeEditKind.Scene, "background"),
    };

    /// <summary>Why valid edits cannot be made as asked (status, title, detail), or null when they can.</summary>
    internal static (int Status, string Title, string Detail)? Refusal(RefineEdits edits, bool generativeEditsAvailable)
    {
        if (edits.NeedsGenerativeEngine && !generativeEditsAvailable)
        {
            return (422, "Only with the cloud editing engine", RefineMessages.GenerativeEditsNeedCloud);
        }
        if (edits.GenerativeChanges.Count > 1)
        {
            return (400, "One generative change at a time", RefineMessages.OneGenerativeChange);
        }
        if (edits is { Scene: not null, Background: not null })
        {
            // The local background edit runs after the generative one and would replace the new scene entirely.
            return (400, "A scene or a background, not both", RefineMessages.SceneOrBackground);
        }
        return null;
    }

    /// <summary>The generative change a request asks for (it asks for exactly one), with the reference photos.</summary>
    internal static GenerativeChange GenerativeChangeOf(RefineEdits edits, IReadOnlyList<string> references)
    {
        var (field, description) = edits.GenerativeChanges.Single();
        var (kind, region) = GenerativeFields[field];
        return new GenerativeChange(kind, region, description, references);
    }

    /// <summary>
    /// The generative part of a request, with up to three of the person's best-ranked photos as references (the
    /// full-quality head-and-shoulders crops the shoot made, in ranking order): the model sees who it must keep, not
    /// only the headshot it edits. Shoots made before those crops existed fall back to the identity stage's face chips.
    /// </summary>
    async Task<GenerativeChange> GenerativeChangeAsync(string shootId, RefineEdits edits, CancellationToken cancellationToken)
    {
        var references = await ListAsync($"{shootId}/{ShootFolders.References}/", cancellationToken);
        if (references.Count == 0) references = await ListAsync($"{shootId}/identity/faces/", cancellationToken);
        return GenerativeChangeOf(edits, references);
    }

    async Task<List<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var work = storage.Container(StorageNames.WorkContainer);
        await foreach (var blob in work.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, cancellationToken))
        {
            found.Add($"{StorageNames.WorkContainer}/{blob.Name}");
            if (found.Count == MaxReferences) break;
        }
        return found;
    }

    /// <summary>References sent with a refinement besides the headshot itself.</summary>
    public const int MaxReferences = 3;

    /// <summary>The face retouch a new version carries: the source version's, with the request's face edits on top.</summary>
    static Dictionary<string, string> RetouchFields(IReadOnlyDictionary<string, string> inherited, RefineEdits edits)
    {
        var retouch = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
        foreach (var (key, value) in edits.ToFields().Where(f => f.Key is RefineEdits.FrecklesField or RefineEdits.SkinSmoothingField or RefineEdits.MakeupField))
        {
            retouch[key] = value;
        }
        return retouch;
    }
}

/// <summary>A refinement as the API reports it.</summary>
public sealed record RefineStatus(string RefineId, string Image, int FromVersion, string Changes, string Status, int? Version, double? IdentityDistance, string? Message, string StatusUrl);
