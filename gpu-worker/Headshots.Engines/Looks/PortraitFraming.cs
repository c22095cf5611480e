using Headshots.Engines.Faces;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Looks;

/// <summary>
/// Head-and-shoulders framing from the face mesh: the eyes about a third from the top, the face a set fraction of
/// the frame height, centred between the eyes, at exactly the look's aspect ratio. Variants change zoom, eye line
/// and sideways offset a little, so a shoot's candidates are not all the same crop.
/// </summary>
public static class PortraitFraming
{
    /// <summary>Face width (cheek to cheek) over frame height: about a classic corporate headshot.</summary>
    static readonly double[] FaceFractions = [0.245, 0.27, 0.225, 0.26, 0.235, 0.285];

    static readonly double[] EyeLines = [1 / 3.0, 0.345, 0.325, 0.34, 0.33, 0.35];

    /// <summary>Sideways shift of the face, as a fraction of the frame width.</summary>
    static readonly double[] Offsets = [0, -0.035, 0.035, 0.02, -0.02, 0];

    /// <summary>Closer than this the frame stops being head-and-shoulders and the hair would touch the top.</summary>
    const double ClosestFaceFraction = 0.36;

    public static PortraitFrame Frame(FaceLandmarks face, int imageWidth, int imageHeight, AspectRatio aspect, int variant)
    {
        ArgumentNullException.ThrowIfNull(face);
        ArgumentNullException.ThrowIfNull(aspect);
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        var slot = variant % FaceFractions.Length;
        // Past the table each round steps out 4% further, so every variant number gives a distinct frame.
        var round = variant / FaceFractions.Length;
        var fraction = FaceFractions[slot] / (1 + (0.04 * round));
        // Zoom alone may be pinned by the photo's edges; a small alternating sideways step keeps later rounds distinct.
        var offset = Offsets[slot] + (0.012 * round * (round % 2 == 0 ? 1 : -1));
        var eyeLine = EyeLines[slot];
        var eyes = (face.RightEyeCentre + face.LeftEyeCentre) / 2;
        var bounds = face.Bounds;
        var faceWidth = Math.Max(bounds.Width, 2.2 * (face.LeftEyeCentre - face.RightEyeCentre).Length());

        var height = faceWidth / fraction;
        var closest = faceWidth / ClosestFaceFraction;

        // The photo ends above the frame's bottom: zoom in until the body reaches the bottom edge, but never
        // closer than head-and-shoulders; what is still short fades into the backdrop (see docs/looks.md).
        var fits = (imageHeight - eyes.Y) / (1 - eyeLine);
        if (eyes.Y + ((1 - eyeLine) * height) > imageHeight)
        {
            height = Math.Min(height, Math.Max(fits, closest));
        }

        // Never cut the head: the hair (about a quarter of the mesh height above it) stays inside, with a margin.
        var headTop = bounds.Top - (0.25 * bounds.Height);
        height = Math.Max(height, (eyes.Y - headTop) / (eyeLine - 0.04));

        var width = height * aspect.Width / aspect.Height;
        var left = eyes.X - (width / 2) + (offset * width);
        var top = eyes.Y - (eyeLine * height);
        return new PortraitFrame(left, top, width, height);
    }
}
