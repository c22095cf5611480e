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
    DateTimeOffset UpdatedAt);

/// <param name="Reasons">Every reason code, most fundamental first; empty when accepted.</param>
/// <param name="Measurements">What the verdict was based on (face size, sharpness, light, pose, likeness).</param>
public sealed record PhotoStatus(string Name, bool Accepted, string? Code, string? Reason, string? Tip, int Width, int Height,
    IReadOnlyList<string>? Reasons = null, PhotoMeasurementsStatus? Measurements = null);

public sealed record PhotoMeasurementsStatus(int? Faces, double? FaceWidth, double? FaceSharpness, double? FaceLuma, double? Yaw, double? IdentityDistance);
