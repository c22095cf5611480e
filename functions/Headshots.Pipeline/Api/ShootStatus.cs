namespace Headshots.Pipeline.Api;

/// <summary>What GET /api/shoots/{id} returns.</summary>
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
    DeliveredImagesStatus? Images = null);

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
