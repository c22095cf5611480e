namespace Headshots.Pipeline.Api;

/// <summary>What GET /api/shoots/{id} returns.</summary>
/// <param name="ErasedOn">When retention erases everything of the shoot (photos, headshots, gallery, records).</param>
public sealed record ShootStatus(
    string ShootId,
    string Status,
    string Stage,
    int Done,
    int Total,
    IReadOnlyList<string> Stages,
    string? Error,
    int PhotosUploaded,
    int PhotosAccepted,
    int Delivered,
    IReadOnlyList<PhotoStatus> Photos,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DeliveredImagesStatus? Images = null,
    EmailStatus? Email = null,
    string? GalleryUrl = null,
    DateTimeOffset? ErasedOn = null);

/// <summary>Where the person's email (the gallery link, or why the shoot stopped) stands; the shoot's outcome does not wait for it.</summary>
/// <param name="State">pending (not sent yet: being tried, or waiting for the mail server), sent, or given_up (email not sent).</param>
/// <param name="Tries">Tries made so far.</param>
/// <param name="NextTryAt">While pending after a failed try: when the next one is scheduled.</param>
/// <param name="Message">The state in plain words, as the status page and the gallery show it.</param>
public sealed record EmailStatus(string State, int Tries, DateTimeOffset? NextTryAt, DateTimeOffset? SentAt, string Message);

/// <summary>Once delivered: how the images were made, in plain words and per image.</summary>
/// <param name="Engine">The shoot's generate engine (reframe, azure-openai).</param>
public sealed record DeliveredImagesStatus(string Engine, int Generated, int Reframed, IReadOnlyList<string> Notes, IReadOnlyList<DeliveredImageStatus> Items,
    decimal? GenerationCost = null, string? Currency = null);

/// <param name="MadeBy">"Generated" or "Reframed from your photo".</param>
/// <param name="IdentityDistance">The face's distance to the person (below 0.6: the same person).</param>
public sealed record DeliveredImageStatus(string ImageId, string Look, string Engine, string MadeBy, double? IdentityDistance, int Width, int Height);

/// <param name="Reasons">Every reason code, most fundamental first; empty when accepted.</param>
/// <param name="Measurements">What the verdict was based on (face size, sharpness, light, pose, likeness).</param>
public sealed record PhotoStatus(string Name, bool Accepted, string? Code, string? Reason, string? Tip, int Width, int Height,
    IReadOnlyList<string>? Reasons = null, PhotoMeasurementsStatus? Measurements = null);

public sealed record PhotoMeasurementsStatus(int? Faces, double? FaceWidth, double? FaceSharpness, double? FaceLuma, double? Yaw, double? IdentityDistance);
