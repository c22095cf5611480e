using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>How a shoot is run; every figure a studio owner may want to tune.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Base URL of the app that serves the gallery and status pages (the Function App's URL in Azure).</summary>
    [Required(ErrorMessage = "Pipeline:PublicBaseUrl is required: the address people open their gallery at.")]
    public Uri? PublicBaseUrl { get; set; }

    [Range(1, 3650)]
    public int GalleryTokenDays { get; set; } = 30;

    /// <summary>How long the link to a shoot's live status page works.</summary>
    [Range(1, 365)]
    public int StatusTokenDays { get; set; } = 7;

    /// <summary>The shoot goes on only with at least this many usable photos.</summary>
    [Range(1, 100)]
    public int MinAcceptedPhotos { get; set; } = 8;

    /// <summary>Files accepted per shoot; more are refused at upload.</summary>
    [Range(1, 200)]
    public int MaxUploads { get; set; } = 30;

    [Range(1, 24)]
    public int VariantsPerLook { get; set; } = 6;

    [Range(1, 24)]
    public int KeepPerLook { get; set; } = 4;

    /// <summary>
    /// Largest face-embedding distance from the person's reference identity at which a headshot is still them
    /// (dlib's published same-person threshold is 0.6; lower is stricter).
    /// </summary>
    [Range(0.1, 1.0)]
    public double IdentityThreshold { get; set; } = 0.6;

    /// <summary>Looks used when an order names none.</summary>
    public string[] DefaultLooks { get; set; } = ["corporate-grey", "bright-office", "bw-editorial"];

    /// <summary>
    /// Likeness profiles one order may build: the first shoot and its reshoots with new photos. Each reshoot is a
    /// shoot of its own (new photos, new profile, new gallery) under the same order.
    /// </summary>
    [Range(1, 10)]
    public int TrainingsPerOrder { get; set; } = 2;

    /// <summary>
    /// Also deliver every headshot (and every refined version) as WebP: the 16 MP image at quality 90 and its
    /// 1080 px web copy, next to the JPEGs, with the same sRGB profile and no other metadata. The gallery page then
    /// shows the WebP web copies and offers the WebP download; the ZIP stays JPEG only. Adds about a second and a
    /// half of CPU to each 16 MP render.
    /// </summary>
    public bool DeliverWebP { get; set; }

    [Range(typeof(TimeSpan), "00:05:00", "24:00:00")]
    public TimeSpan UploadSasLifetime { get; set; } = TimeSpan.FromHours(1);
}
