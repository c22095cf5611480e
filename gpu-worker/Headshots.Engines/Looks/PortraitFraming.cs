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

    /// <summary>The frame of the photo as it is.</summary>
    public static PortraitFrame Frame(FaceLandmarks face, int imageWidth, int imageHeight, AspectRatio aspect, int variant) =>
        Frame(face, imageWidth, imageHeight, aspect, variant, 0);

    /// <summary>
    /// The frame with the head turned level (<see cref="HeadRoll"/>), about the point between the eyes. The turn
    /// never cuts a wedge into the bottom of the frame where the body should go on: where the turned photo's bottom
    /// edge would rise into the frame further than the upright photo's, the frame first zooms in (as far as
    /// head-and-shoulders allows) and then the turn is reduced until it does not; a turn reduced below
    /// <see cref="HeadRoll.Ignored"/> is left out.
    /// </summary>
    public static PortraitFrame Levelled(FaceLandmarks face, int imageWidth, int imageHeight, AspectRatio aspect, int variant)
    {
        var upright = Frame(face, imageWidth, imageHeight, aspect, variant);
        var wanted = HeadRoll.Correction(face);
        if (wanted == 0)
        {
            return upright;
        }

        var allowed = Shortfall(upright);
        var frame = Frame(face, imageWidth, imageHeight, aspect, variant, wanted);
        if (Shortfall(frame) <= allowed)
        {
            return frame;
        }

        // The wedge only grows with the turn: the largest part of it that still keeps the wedge out, to 0.1 %.
        var turn = wanted * Largest(0, 1, 10, part => Shortfall(Frame(face, imageWidth, imageHeight, aspect, variant, part * wanted)) <= allowed);
        return Math.Abs(turn) < HeadRoll.Ignored ? upright : Frame(face, imageWidth, imageHeight, aspect, variant, turn);

        // How far above the frame's bottom the photo ends at the worst point, as a fraction of the frame height.
        double Shortfall(PortraitFrame f) => Math.Max(0, f.BottomReach(imageWidth) - imageHeight) / f.Height;
    }

    /// <summary>The frame of the photo turned by <paramref name="rotation"/> degrees (clockwise) about the point between the eyes.</summary>
    public static PortraitFrame Frame(FaceLandmarks face, int imageWidth, int imageHeight, AspectRatio aspect, int variant, double rotation)
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
        var pivot = (face.RightEyeCentre + face.LeftEyeCentre) / 2;
        var turn = rotation == 0 ? null : new PortraitFrame(0, 0, 1, 1, rotation, pivot);
        var level = turn is null ? face : MainFace.Map(face, turn.Level, 1f);
        var eyes = (level.RightEyeCentre + level.LeftEyeCentre) / 2;
        var bounds = level.Bounds;
        var faceWidth = Math.Max(bounds.Width, 2.2 * (level.LeftEyeCentre - level.RightEyeCentre).Length());

        var height = faceWidth / fraction;
        var closest = faceWidth / ClosestFaceFraction;

        // The photo ends above the frame's bottom: zoom in until the body reaches the bottom edge, but never
        // closer than head-and-shoulders; what is still short fades into the backdrop (see docs/looks.md).
        if (turn is null)
        {
            var fits = (imageHeight - eyes.Y) / (1 - eyeLine);
            if (eyes.Y + ((1 - eyeLine) * height) > imageHeight)
            {
                height = Math.Min(height, Math.Max(fits, closest));
            }
        }
        else if (At(height).BottomReach(imageWidth) > imageHeight)
        {
            // Turned, the photo's bottom edge is a slope across the frame: the frame's bottom edge reaches it first
            // at one corner (or where it meets a side of the photo), and only sinks further as the frame grows.
            var fits = Largest(0, height, 40, h => At(h).BottomReach(imageWidth) <= imageHeight);
            height = Math.Min(height, Math.Max(fits, closest));
        }

        // Never cut the head: the hair (about a quarter of the mesh height above it) stays inside, with a margin.
        var headTop = bounds.Top - (0.25 * bounds.Height);
        height = Math.Max(height, (eyes.Y - headTop) / (eyeLine - 0.04));
        return At(height);

        PortraitFrame At(double frameHeight)
        {
            var width = frameHeight * aspect.Width / aspect.Height;
            var left = eyes.X - (width / 2) + (offset * width);
            var top = eyes.Y - (eyeLine * frameHeight);
            return turn is null ? new PortraitFrame(left, top, width, frameHeight) : new PortraitFrame(left, top, width, frameHeight, rotation, pivot);
        }
    }

    /// <summary>
    /// By halving: the largest value between <paramref name="fits"/> (which passes <paramref name="passes"/>) and
    /// <paramref name="fails"/> that passes, for a test that once failed keeps failing further on.
    /// </summary>
    static double Largest(double fits, double fails, int steps, Func<double, bool> passes)
    {
        for (var i = 0; i < steps; i++)
        {
            var middle = (fits + fails) / 2;
            if (passes(middle))
            {
                fits = middle;
            }
            else
            {
                fails = middle;
            }
        }

        return fits;
    }
}
