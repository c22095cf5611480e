using System.ComponentModel.DataAnnotations;

namespace Headshots.Engines.Intake;

/// <summary>
/// Every threshold the photo judge applies (configuration section <c>Intake</c>), with defaults a portrait
/// photographer would pick for selfies that are to become headshots.
/// </summary>
public sealed class IntakeThresholds
{
    public const string Section = "Intake";

    /// <summary>The face must be at least this fraction of the image width.</summary>
    [Range(0.01, 1.0)]
    public double MinFaceWidth { get; set; } = 0.12;

    /// <summary>A face box reaching past the frame by more than this fraction of its size is cut off.</summary>
    [Range(0.0, 0.5)]
    public double MaxFaceOutsideFrame { get; set; } = 0.05;

    /// <summary>
    /// Another face at least this fraction of the main face's width makes the photo a group photo
    /// (<c>multiple_faces</c>); a smaller one is someone far behind the person, which a selfie often has. Measured on
    /// composed photos of the two sample people (docs/intake.md): a second face at 0.5 of the width or more is
    /// someone beside the person, at 0.35 or less someone in the background.
    /// </summary>
    [Range(0.05, 1.0)]
    public double OtherFaceRelativeWidth { get; set; } = 0.42;

    /// <summary>Head turn from the mesh (−1 to 1, 0 = frontal) beyond which the photo is not frontal enough.</summary>
    [Range(0.05, 1.0)]
    public double MaxYaw { get; set; } = 0.45;

    /// <summary>Head tilt, in degrees, beyond which the photo is not upright enough.</summary>
    [Range(1, 90)]
    public double MaxRollDegrees { get; set; } = 30;

    /// <summary>Variance of the Laplacian of the face's luma (face scaled to 128 px) below which it is blurry.</summary>
    [Range(1, 10000)]
    public double MinFaceSharpness { get; set; } = 25;

    /// <summary>Mean luma of the face below which it is underexposed (0–255).</summary>
    [Range(1, 254)]
    public double MinFaceLuma { get; set; } = 55;

    /// <summary>Mean luma of the face above which it is overexposed (0–255).</summary>
    [Range(1, 254)]
    public double MaxFaceLuma { get; set; } = 215;

    /// <summary>Fraction of clipped (≥ 250) face pixels above which highlights are blown out.</summary>
    [Range(0.0, 1.0)]
    public double MaxFaceClipped { get; set; } = 0.08;

    /// <summary>Fraction of crushed (≤ 5) face pixels above which shadows are lost.</summary>
    [Range(0.0, 1.0)]
    public double MaxFaceCrushed { get; set; } = 0.08;

    /// <summary>Perceptual hashes (256 bits) at most this many bits apart are the same picture.</summary>
    [Range(0, 128)]
    public int DuplicateHashBits { get; set; } = 16;

    /// <summary>…provided the faces are also this close: the same face, not just the same backdrop.</summary>
    [Range(0.0, 1.0)]
    public double DuplicateIdentityDistance { get; set; } = 0.3;

    /// <summary>Embedding distance from the shoot's consensus identity beyond which a photo shows someone else.</summary>
    [Range(0.1, 1.0)]
    public double SamePersonDistance { get; set; } = 0.6;

    /// <summary>The consensus person must appear in more than this fraction of the photos with a face.</summary>
    [Range(0.0, 1.0)]
    public double MajorityFraction { get; set; } = 0.5;
}
