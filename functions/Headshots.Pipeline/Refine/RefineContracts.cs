using Headshots.Pipeline.Orchestrations;

namespace Headshots.Pipeline.Refine;

/// <summary>One refinement of one gallery image, fixed when it is requested so replays are deterministic.</summary>
/// <param name="SourceBase">The unretouched base of the version it starts from.</param>
/// <param name="JobFields">What the refine job applies: the request's clothes and background, and the face retouch (the source version's with the request's on top).</param>
/// <param name="Retouch">The face retouch fields the new version will carry.</param>
/// <param name="Changes">The request in words, for the version history.</param>
/// <param name="Generative">A hair, expression, outfit or scene change for the cloud editing engine, made before the local edits; null for local-only requests.</param>
/// <param name="SourceMegapixels">The real resolution behind the version it starts from (its gallery size line's); null where the gallery did not record it.</param>
/// <param name="SourceRedrawn">What the image model had redrawn in the version it starts from (<see cref="Delivery.GalleryVersion.Redrawn"/>); null when nothing.</param>
public sealed record RefineInput(
    string ShootId,
    string RefineId,
    string ImageId,
    int FromVersion,
    string Aspect,
    string SourceBase,
    IReadOnlyDictionary<string, string> JobFields,
    IReadOnlyDictionary<string, string> Retouch,
    string Changes,
    string? ProfilePath,
    ShootSettings Settings,
    GenerativeChange? Generative = null,
    double? SourceMegapixels = null,
    string? SourceRedrawn = null)
{
    /// <summary>What the image model will have redrawn in the new version: the source version's regions and this request's.</summary>
    public string? Redrawn => string.Join(" and ", new[] { SourceRedrawn, Generative?.Region }.OfType<string>().Distinct()) is { Length: > 0 } regions ? regions : null;
}

/// <summary>What the generative engine is asked to change, where, and from which photos of the person.</summary>
/// <param name="Region">The mask region: "hair", "expression", "clothing" or "background".</param>
/// <param name="References">The person's aligned face photos (work container), so the model keeps who they are.</param>
public sealed record GenerativeChange(Editing.GenerativeEditKind Kind, string Region, string Description, IReadOnlyList<string> References);

public sealed record RefineOutcome(string RefineId, string Status, int? Version, double? IdentityDistance, string? Message);

public static class RefineStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Delivered = "delivered";

    /// <summary>Made, but not delivered: the result no longer looked like the person.</summary>
    public const string Refused = "refused";

    public const string Failed = "failed";

    public static bool IsFinal(string status) => status is Delivered or Refused or Failed;
}

/// <summary>A refine row's change of state.</summary>
public sealed record RefineRecord(string ShootId, string RefineId, string Status, int? Version = null, double? IdentityDistance = null, string? Message = null);

/// <summary>A refined image rendered at 16 MP, to be added to the gallery as a new version.</summary>
/// <param name="FullWebP">The 16 MP WebP when WebP is delivered; <paramref name="WebWebP"/> its web copy.</param>
/// <param name="SourceMegapixels">The real resolution behind the version (<see cref="Delivery.GalleryVersion.SourceMegapixels"/>); null when unknown.</param>
/// <param name="Redrawn">What the image model redrew in it (<see cref="RefineInput.Redrawn"/>); null when nothing.</param>
public sealed record VersionRequest(
    string ShootId,
    string RefineId,
    string ImageId,
    int FromVersion,
    string Changes,
    IReadOnlyDictionary<string, string> Retouch,
    string Full,
    string Web,
    string Thumbnail,
    int Width,
    int Height,
    long Bytes,
    double? IdentityDistance,
    string BasePath,
    string? FullWebP = null,
    string? WebWebP = null,
    double? SourceMegapixels = null,
    string? Redrawn = null);
