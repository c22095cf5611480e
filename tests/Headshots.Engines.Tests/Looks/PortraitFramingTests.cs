using System.Numerics;
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

    [Fact]
    public void Levelled_TiltedFace_TurnsTheEyeLineLevel()
    {
        var face = Tilted(8);

        var frame = PortraitFraming.Levelled(face, 512, 3000, AspectRatio.Portrait4x5, 0);

        Assert.Equal(-8, frame.Rotation, 3);
        var right = frame.Level(face.RightEyeCentre);
        var left = frame.Level(face.LeftEyeCentre);
        Assert.Equal(right.Y, left.Y, 0.05f);
        Assert.InRange((((right.Y + left.Y) / 2) - frame.Top) / frame.Height, 0.31, 0.36);
    }

    [Fact]
    public void Levelled_RollUnderTheThreshold_IsTheUprightFrame()
    {
        var face = Tilted(1.2);

        var frame = PortraitFraming.Levelled(face, 512, 3000, AspectRatio.Portrait4x5, 0);

        Assert.Equal(PortraitFraming.Frame(face, 512, 3000, AspectRatio.Portrait4x5, 0), frame);
        Assert.Equal(0, frame.Rotation);
    }

    [Theory]
    [InlineData(25)]
    [InlineData(-25)]
    public void Levelled_TiltBeyondTwelveDegrees_IsTurnedTwelve(double roll)
    {
        var frame = PortraitFraming.Levelled(Tilted(roll), 512, 3000, AspectRatio.Portrait4x5, 0);

        Assert.Equal(-Math.Sign(roll) * 12, frame.Rotation, 6);
    }

    [Fact]
    public void Levelled_PhotoEndingWellBelowTheChin_TurnsFullyAndZoomsSoTheBodyReachesTheBottomEdge()
    {
        var face = Tilted(8);
        var bottom = (int)(face[FaceRegions.Chin].Y + 300);

        var frame = PortraitFraming.Levelled(face, 512, bottom, AspectRatio.Portrait4x5, 0);

        Assert.Equal(-8, frame.Rotation, 3);
        // The lower bottom corner of the turned frame sits on the photo's bottom edge: no wedge, no needless zoom.
        Assert.InRange(frame.BottomReach(512), bottom - 1, bottom);
        Assert.True(frame.Height < PortraitFraming.Frame(face, 512, 3000, AspectRatio.Portrait4x5, 0, -8).Height, "the turned frame did not zoom in");
    }

    [Fact]
    public void Levelled_PhotoEndingCloseBelowTheChin_TurnsLessRatherThanCutAWedge()
    {
        var face = Tilted(8);
        var bottom = (int)(face[FaceRegions.Chin].Y + 225);
        Assert.True(PortraitFraming.Frame(face, 512, bottom, AspectRatio.Portrait4x5, 0, -8).BottomReach(512) > bottom + 1, "the full turn would leave no wedge here");

        var frame = PortraitFraming.Levelled(face, 512, bottom, AspectRatio.Portrait4x5, 0);

        Assert.InRange(frame.Rotation, -7.5, -1.5);
        Assert.True(frame.BottomReach(512) <= bottom, $"the frame's bottom edge reaches row {frame.BottomReach(512):0.0} of a {bottom} px photo");
    }

    [Fact]
    public void Levelled_PhotoEndingShortEvenUpright_StaysUpright()
    {
        var face = Tilted(8);
        var bottom = (int)(face[FaceRegions.Chin].Y + 100);

        var frame = PortraitFraming.Levelled(face, 512, bottom, AspectRatio.Portrait4x5, 0);

        Assert.Equal(PortraitFraming.Frame(face, 512, bottom, AspectRatio.Portrait4x5, 0), frame);
    }

    /// <summary>Hopper's mesh turned about the point between her eyes until its eye line has the given roll.</summary>
    static FaceLandmarks Tilted(double roll)
    {
        var face = Hopper.Value;
        var pivot = (face.RightEyeCentre + face.LeftEyeCentre) / 2;
        var turn = Matrix3x2.CreateTranslation(-pivot) * Matrix3x2.CreateRotation((float)((roll - face.RollDegrees) * Math.PI / 180)) * Matrix3x2.CreateTranslation(pivot);
        var tilted = face with { Points = face.Points.Select(p => new Vector3(Vector2.Transform(new Vector2(p.X, p.Y), turn), p.Z)).ToList() };
        Assert.Equal(roll, tilted.RollDegrees, 0.01);
        return tilted;
    }
}
