namespace Headshots.Pipeline.Delivery;

/// <summary>gallery/{shootId}/gallery.json: what was delivered, for the gallery page, downloads and refinements.</summary>
/// <param name="ProfilePath">The person's identity profile (work container), which every refined version is checked against.</param>
/// <param name="Generation">What a generative engine did in the shoot; null with the reframe engine.</param>
public sealed record GalleryManifest(string ShootId, string? Name, DateTimeOffset PublishedAt, IReadOnlyList<GalleryImage> Images, string? ProfilePath = null,
    Activities.GenerationSummary? Generation = null)
{
    /// <summary>What the person is told about how the images were made, in plain words (gallery, email, API).</summary>
    public IReadOnlyList<string> MadeNotes => GenerationNotes.For(this);

    public GalleryImage? Find(string imageId) => Images.FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal));

    /// <summary>Every file a gallery link may serve: originals and every version, JPEG and (where delivered) WebP.</summary>
    public IEnumerable<string> Files => Images.SelectMany(i => i.DeliveredFiles().Concat((i.Versions ?? []).SelectMany(v => v.DeliveredFiles())));
}

/// <summary>The delivered files of an image or of one of its versions, with what the page says about them.</summary>
public interface IGalleryFiles
{
    /// <summary>The 16 MP JPEG's file name inside the shoot's gallery folder.</summary>
    string File { get; }

    /// <summary>The 1080 px web copy (JPEG).</summary>
    string Web { get; }

    /// <summary>The 480 px thumbnail (JPEG).</summary>
    string Thumbnail { get; }

    /// <summary>The 16 MP WebP; null when WebP was not delivered (and in every manifest written before it could be).</summary>
    string? FileWebP { get; }

    /// <summary>The web copy as WebP; null when WebP was not delivered.</summary>
    string? WebWebP { get; }

    int Width { get; }
    int Height { get; }
    double? IdentityDistance { get; }
}

public static class GalleryFiles
{
    /// <summary>The file names, JPEG first, then the WebP files that exist.</summary>
    public static IEnumerable<string> DeliveredFiles(this IGalleryFiles files) =>
        new[] { files.File, files.Web, files.Thumbnail, files.FileWebP, files.WebWebP }.OfType<string>();

    /// <summary>The content type a gallery file is stored and served with: every one is a JPEG or a WebP.</summary>
    public static string ContentType(string fileName) =>
        fileName.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg";
}

/// <param name="File">File name of the 16 MP JPEG inside the shoot's gallery folder; Web and Thumbnail likewise.</param>
/// <param name="Score">Selection score 0..1.</param>
/// <param name="IdentityDistance">The face's distance to the person's reference identity (below 0.6: the same person); null without face models.</param>
/// <param name="Id">Stable id of the image within the gallery ("corporate-grey-01"); null in galleries published before refinements.</param>
/// <param name="BasePath">The unretouched headshot (work container) a refinement starts from.</param>
/// <param name="Versions">Refined versions, oldest first; the original is version 1 and is never overwritten.</param>
/// <param name="FileWebP">The 16 MP WebP and <paramref name="WebWebP"/> the web copy's, when the studio delivers WebP (<c>Pipeline:DeliverWebP</c>); otherwise null.</param>
/// <param name="Engine">What made it (<see cref="Activities.CandidateEngines"/>); null in galleries published before generated images (reframed).</param>
/// <param name="SourceMegapixels">The real resolution behind the image before enlargement (<see cref="Activities.DeliveredRef.SourceMegapixels"/>); null in galleries published before it was reported.</param>
public sealed record GalleryImage(string Look, string LookName, string Aspect, string File, string Web, string Thumbnail, int Width, int Height, long Bytes, double Score,
    double? IdentityDistance = null, string? Id = null, string? BasePath = null, IReadOnlyList<GalleryVersion>? Versions = null,
    string? FileWebP = null, string? WebWebP = null, string? Engine = null, double? SourceMegapixels = null) : IGalleryFiles
{
    /// <summary>
    /// What the size line says the pixels came from ("from a 2.4 MP crop of your photo"), so an enlargement is not
    /// taken for a photograph; null when unknown.
    /// </summary>
    public string? SourceLine => SourceLines.For(SourceMegapixels, Generated, Width, Height);

    public bool Generated => Activities.CandidateEngines.IsGenerated(Engine);

    /// <summary>"Generated" or "Reframed from your photo": how the page, the email and the API label it.</summary>
    public string MadeBy => Activities.CandidateEngines.Describe(Engine);

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
/// <param name="FileWebP">The 16 MP WebP and <paramref name="WebWebP"/> the web copy's, when WebP was delivered; otherwise null.</param>
/// <param name="SourceMegapixels">The real resolution behind it before enlargement, as for the original (<see cref="GalleryImage.SourceMegapixels"/>); null in versions made before it was carried.</param>
/// <param name="Redrawn">What the image model redrew in it or in the versions it was refined from ("hair", "hair and background"); null when none was.</param>
public sealed record GalleryVersion(int Number, int FromVersion, string RefineId, string Changes, IReadOnlyDictionary<string, string> Retouch,
    string File, string Web, string Thumbnail, int Width, int Height, long Bytes, double? IdentityDistance, DateTimeOffset CreatedAt, string BasePath,
    string? FileWebP = null, string? WebWebP = null, double? SourceMegapixels = null, string? Redrawn = null) : IGalleryFiles
{
    /// <summary>What the size line says its pixels came from (<see cref="GalleryImage.SourceLine"/>), and what the image model redrew.</summary>
    public string? SourceLine(GalleryImage image) => SourceLines.For(SourceMegapixels, image.Generated, Width, Height) switch
    {
        { } line when Redrawn is { } region => $"{line}, the {region} redrawn by the image model",
        var line => line,
    };
}
