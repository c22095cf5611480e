using Headshots.Engines.Looks;
using Headshots.Engines.Segmentation;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Tests.Looks;

/// <summary>Tilted heads composed into a look: turned level by the eye line, 12° at most, never showing the turn's empty corners.</summary>
public sealed class HeadStraighteningTests
{
    /// <summary>The same engines with the head left as it is: what the composer did before it straightened heads.</summary>
    static readonly Lazy<ModelHeadshotComposer> AsItIs = new(() =>
        new ModelHeadshotComposer(ComposedCandidates.Faces, new SelfieSegmenter(TestModels.Models)) { Straighten = false });

    /// <summary>
    /// The tilts and how level the mesh can tell: on the astronaut it measures the roll of the same photo turned
    /// by a known angle to within 0.7°, on the smaller, older Hopper portrait only to within 2° (the engine turns
    /// by what it measures, so that much can remain).
    /// </summary>
    public static TheoryData<string, double, double> EightDegreeTilts => new()
    {
        { Portrait.Astronaut.Name, 8, 1.5 },
        { Portrait.Astronaut.Name, -8, 1.5 },
        { Portrait.GraceHopper.Name, 8, 2.5 },
        { Portrait.GraceHopper.Name, -8, 2.5 },
    };

    [Theory]
    [MemberData(nameof(EightDegreeTilts))]
    public void Compose_PortraitTiltedEightDegrees_ComesOutLevelAndRecognisable(string portrait, double tilt, double level)
    {
        var source = Portrait.Named(portrait);
        var tilted = Turned(source.Bytes(), tilt);
        var tiltedRoll = Roll(tilted);
        Assert.True(Math.Abs(tiltedRoll) > 4, $"the tilted photo measures only {tiltedRoll:0.0}°: nothing to straighten");

        var candidate = ComposedCandidates.Composer.Compose(tilted, LookCatalog.CorporateGrey, 0, CancellationToken.None);

        var result = ComposedCandidates.Faces.Analyse(candidate.Jpeg).Main!;
        Assert.True(Math.Abs(result.Landmarks.RollDegrees) <= level, $"eye line {result.Landmarks.RollDegrees:0.00}° after straightening a {tiltedRoll:0.00}° tilt");
        var distance = result.Embedding!.DistanceTo(ComposedCandidates.AnalysisOf(source).Main!.Embedding!);
        Assert.True(distance < 0.35, $"identity distance {distance:0.000} for {portrait} tilted {tilt}°");
    }

    [Fact]
    public void Compose_UprightPortrait_IsNotResampled()
    {
        // The astronaut turned by her own measured roll: level within the no-op threshold.
        var astronaut = Portrait.Astronaut.Bytes();
        var upright = Turned(astronaut, -Roll(astronaut));
        Assert.InRange(Math.Abs(Roll(upright)), 0, 1.0);

        var straightened = ComposedCandidates.Composer.Compose(upright, LookCatalog.CorporateGrey, 0, CancellationToken.None);

        var asItIs = AsItIs.Value.Compose(upright, LookCatalog.CorporateGrey, 0, CancellationToken.None);
        Assert.Equal(asItIs.Jpeg, straightened.Jpeg);
    }

    [Fact]
    public void Compose_PortraitTiltedTwentyFiveDegrees_IsTurnedOnlyTwelveAndShowsNoEmptyCorner()
    {
        var astronaut = Portrait.Astronaut.Bytes();
        var tilted = Turned(astronaut, 25 - Roll(astronaut));
        var tiltedRoll = Roll(tilted);
        Assert.InRange(tiltedRoll, 23.5, 26.5);

        var candidate = ComposedCandidates.Composer.Compose(tilted, LookCatalog.CorporateGrey, 0, CancellationToken.None);

        var roll = ComposedCandidates.Faces.Analyse(candidate.Jpeg).Main!.Landmarks.RollDegrees;
        Assert.InRange(roll, tiltedRoll - 12 - 1.5, tiltedRoll - 12 + 1.5);
        Assert.InRange(roll, 11.5, 14.5);
        // The turn swings the photo's top corners into the frame: there the backdrop must show, not an empty or
        // edge-smeared corner; no corner may hold a run of near-black (empty) pixels.
        var pixels = Pixels.Of(candidate.Jpeg);
        var size = pixels.Width / 8;
        foreach (var corner in new[] { (0, 0), (pixels.Width - size, 0), (0, pixels.Height - size), (pixels.Width - size, pixels.Height - size) })
        {
            var patch = new System.Drawing.Rectangle(corner.Item1, corner.Item2, size, size);
            var dark = Regions.Where(pixels, patch, (lightness, _, _) => lightness < 0.25).Count;
            Assert.True(dark < size, $"{dark} near-black pixels in the {size} px corner at {corner}");
            if (corner.Item2 == 0)
            {
                Assert.InRange(Regions.Saturation(pixels, patch), 0, 12);
                Assert.InRange(Regions.Luma(pixels, patch), 80, 170);
            }
        }
    }

    /// <summary>The photo turned clockwise by <paramref name="degrees"/> on its own canvas, the corners filled from its edges as a camera held askew would have seen more of the scene.</summary>
    static byte[] Turned(byte[] photo, double degrees) => TestPhotos.Encode(photo, MagickFormat.Png, image =>
    {
        image.VirtualPixelMethod = VirtualPixelMethod.Edge;
        image.Distort(DistortMethod.ScaleRotateTranslate, degrees);
        image.ResetPage();
    });

    static double Roll(byte[] photo) => ComposedCandidates.Faces.Analyse(photo).Main!.Landmarks.RollDegrees;
}
