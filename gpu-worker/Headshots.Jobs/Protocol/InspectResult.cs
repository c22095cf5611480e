namespace Headshots.Jobs.Protocol;

/// <summary>
/// The inspect job's verdict on one upload. An unusable file is a verdict (<see cref="Rejection"/> set), not a failed job.
/// </summary>
/// <param name="Rejection">Why the photo cannot be used; null when it is accepted.</param>
/// <param name="Photo">The accepted photo's working copy; null when rejected.</param>
/// <param name="Findings">What the face models found (also for a rejected photo they could read); null without them.</param>
public sealed record InspectResult(PhotoRejection? Rejection, InspectedPhoto? Photo, IntakeFindings? Findings) : GpuJobValues
{
    public bool Accepted => Rejection is null && Photo is not null;

    public override IReadOnlyList<string> Blobs() =>
        Photo is null ? [] : Photo.FacesPath is null ? [Photo.Path] : [Photo.Path, Photo.FacesPath];
}

/// <summary>What the person is told about a photo that cannot be used.</summary>
/// <param name="Code">The machine-readable reason (intake's reason codes, "too_large", "unreadable"…).</param>
public sealed record PhotoRejection(string Code, string Reason, string Tip);

/// <summary>An accepted upload's normalised working copy.</summary>
/// <param name="Path">The normalised JPEG.</param>
/// <param name="FacesPath">The faces found in it (boxes, mesh, embedding) as JSON, for the identity stage; null without face models.</param>
/// <param name="Format">The upload's format ("JPEG", "HEIC"…).</param>
public sealed record InspectedPhoto(string Path, string? FacesPath, ImageMeasurements Measurements, string Format, int SourceWidth, int SourceHeight);

/// <summary>The face models' findings on one upload, so the person (and a support engineer) can see why.</summary>
/// <param name="Faces">How many faces were found.</param>
/// <param name="Main">The main face; null when none was found.</param>
/// <param name="Reasons">Every reason code against the photo, most fundamental first; empty when it passes.</param>
/// <param name="Hash">The perceptual hash near-duplicates are found by.</param>
/// <param name="Exposure">The face region's own exposure; null when no face was found.</param>
public sealed record IntakeFindings(int Faces, MainFace? Main, IReadOnlyList<string> Reasons, string Hash, FaceExposureValues? Exposure);

/// <summary>The main face of an upload, in fractions of the photo's size.</summary>
/// <param name="Box">Left, top, width and height, each a fraction of the photo's width or height.</param>
/// <param name="Width">The face box's width as a fraction of the photo's.</param>
/// <param name="Yaw">Head turn, -1 (left) to 1 (right).</param>
/// <param name="Roll">Head tilt in degrees.</param>
public sealed record MainFace(double Score, IReadOnlyList<double> Box, double Width, double Yaw, double Roll, double MeshConfidence);

/// <summary>The face region's sharpness and exposure (luma 0–255, clipped and crushed fractions).</summary>
public sealed record FaceExposureValues(double Sharpness, double MeanLuma, double Clipped, double Crushed);
