using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Tests.Looks;

public sealed class PortraitFramingTests
{
    static readonly Lazy<FaceLandmarks> Hopper = new(() =>
        ComposedCandidates.Faces.Analyse(RgbImage.Decode(SamplePhotos.GraceHopper, 1024)).Main!.Landmarks);

    [Fact]
    public void Frame_EveryVariantAndAspect_HasTheExactRatioAndTheWholeHeadInside()
    {
        var face = Hopper.Value;
        var headTop = face.Bounds.Top - (0.25 * face.Bounds.Height);

        foreach (var aspect in AspectRatio.All)
        {
            for (var variant = 0; variant < 14; variant++)
            {
                var frame = PortraitFraming.Frame(face, 512, 600, aspect, variant);

                Assert.Equal(aspect.Width / (double)aspect.Height, frame.Width / frame.Height, 9);
                Assert.True(frame.Top < headTop, $"variant {variant} cuts the head: top {frame.Top:0} below {headTop:0}");
                var eyes = (face.RightEyeCentre.Y + face.LeftEyeCentre.Y) / 2;
                Assert.InRange((eyes - frame.Top) / frame.Height, 0.31, 0.36);
            }
        }
    }

    [Fact]
    public void Frame_DifferentVariants_AreDifferentFrames()
    {
        var frames = Enumerable.Range(0, 12).Select(v => PortraitFraming.Frame(Hopper.Value, 512, 600, AspectRatio.Portrait4x5, v)).ToList();

        Assert.Equal(frames.Count, frames.Distinct().Count());
    }

    [Fact]
    public void Frame_PhotoEndingBelowTheChin_ZoomsInSoTheBodyReachesTheFrameBottom()
    {
        var face = Hopper.Value;
        // The same face in a photo cut off 300 px below the chin, and in one that goes on far below it.
        var bottom = (int)(face[FaceRegions.Chin].Y + 300);

        var frame = PortraitFraming.Frame(face, 512, bottom, AspectRatio.Portrait4x5, 0);
        var roomy = PortraitFraming.Frame(face, 512, 3000, AspectRatio.Portrait4x5, 0);

        Assert.True(frame.Height < roomy.Height, "the frame did not zoom in");
        Assert.InRange(frame.Bottom, bottom - 1, bottom + 1);
    }
}
