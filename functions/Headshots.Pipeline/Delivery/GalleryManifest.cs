namespace Headshots.Pipeline.Delivery;

/// <summary>gallery/{shootId}/gallery.json: what was delivered, for the gallery page and for downloads.</summary>
public sealed record GalleryManifest(string ShootId, string? Name, DateTimeOffset PublishedAt, IReadOnlyList<GalleryImage> Images);

/// <param name="File">File name of the 16 MP JPEG inside the shoot's gallery folder; Web and Thumbnail likewise.</param>
/// <param name="Score">Selection score 0..1.</param>
/// <param name="IdentityDistance">The face's distance to the person's reference identity (below 0.6: the same person); null without face models.</param>
public sealed record GalleryImage(string Look, string LookName, string Aspect, string File, string Web, string Thumbnail, int Width, int Height, long Bytes, double Score,
    double? IdentityDistance = null);
