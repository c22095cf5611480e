namespace Headshots.Pipeline.Delivery;

/// <summary>gallery/{shootId}/gallery.json: what was delivered, for the gallery page, downloads and refinements.</summary>
/// <param name="ProfilePath">The person's identity profile (work container), which every refined version is checked against.</param>
public sealed record GalleryManifest(string ShootId, string? Name, DateTimeOffset PublishedAt, IReadOnlyList<GalleryImage> Images, string? ProfilePath = null)
{
    public GalleryImage? Find(string imageId) => Images.FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal));

    /// <summary>Every file a gallery link may serve: originals and every version.</summary>
    public IEnumerable<string> Files => Images.SelectMany(i => new[] { i.File, i.Web, i.Thumbnail }
        .Concat((i.Versions ?? []).SelectMany(v => new[] { v.File, v.Web, v.Thumbnail })));
}

/// <param name="File">File name of the 16 MP JPEG inside the shoot's gallery folder; Web and Thumbnail likewise.</param>
/// <param name="Score">Selection score 0..1.</param>
/// <param name="IdentityDistance">The face's distance to the person's reference identity (below 0.6: the same person); null without face models.</param>
/// <param name="Id">Stable id of the image within the gallery ("corporate-grey-01"); null in galleries published before refinements.</param>
/// <param name="BasePath">The unretouched headshot (work container) a refinement starts from.</param>
/// <param name="Versions">Refined versions, oldest first; the original is version 1 and is never overwritten.</param>
public sealed record GalleryImage(string Look, string LookName, string Aspect, string File, string Web, string Thumbnail, int Width, int Height, long Bytes, double Score,
    double? IdentityDistance = null, string? Id = null, string? BasePath = null, IReadOnlyList<GalleryVersion>? Versions = null)
{
    public string ImageId => Id ?? Path.GetFileNameWithoutExtension(File);

    public int LatestVersion => Versions is { Count: > 0 } v ? v[^1].Number : 1;

    public GalleryVersion? Version(int number) => Versions?.FirstOrDefault(v => v.Number == number);
}

/// <summary>A refined version of a gallery image.</summary>
/// <param name="Number">2, 3, …: version 1 is the original.</param>
/// <param name="FromVersion">The version it was refined from.</param>
/// <param name="Changes">What the person asked for, in words ("clothes navy, freckles added").</param>
/// <param name="Retouch">The face retouch fields the version carries (skin smoothing, freckles, makeup), inherited by refinements of it.</param>
/// <param name="BasePath">Its unretouched base (work container) for further refinements.</param>
public sealed record GalleryVersion(int Number, int FromVersion, string RefineId, string Changes, IReadOnlyDictionary<string, string> Retouch,
    string File, string Web, string Thumbnail, int Width, int Height, long Bytes, double? IdentityDistance, DateTimeOffset CreatedAt, string BasePath);
