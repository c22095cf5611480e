using Headshots.Engines.Faces;

namespace Headshots.Engines.Looks;

/// <summary>
/// How far a tilted head is turned level, as a retoucher would: by the roll of the line through the eye centres,
/// in full up to <see cref="MostCorrected"/> degrees and by that much beyond (a strong tilt is often a pose, and a
/// big turn brings in large empty corners), not at all below <see cref="Ignored"/> degrees (not worth a resample).
/// </summary>
public static class HeadRoll
{
    public const double Ignored = 1.5;

    public const double MostCorrected = 12;

    /// <summary>The turn, in degrees clockwise on screen, that levels the eyes as far as the photo should be turned.</summary>
    public static double Correction(FaceLandmarks face)
    {
        ArgumentNullException.ThrowIfNull(face);
        var roll = (double)face.RollDegrees;
        return Math.Abs(roll) < Ignored ? 0 : -Math.Clamp(roll, -MostCorrected, MostCorrected);
    }
}
