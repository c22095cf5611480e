using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Faces;

public sealed class BlazeFaceDetectorTests
{
    private readonly BlazeFaceDetector detector = new(TestModels.Models);

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Detect_Portrait_BoxesTheFaceWithKeypointsOnEyesNoseAndMouth(string name)
    {
        var portrait = Portrait.Named(name);

        var face = Assert.Single(detector.Detect(portrait.Image()));

        Assert.True(face.Score > 0.8f, $"score {face.Score}");
        Assert.True(WeightedNonMaximumSuppression.IntersectionOverUnion(face.Box, portrait.Face) > 0.5f, $"box {face.Box} vs labelled {portrait.Face}");
        var tolerance = portrait.Face.Width * 0.12f;
        Assert.InRange(System.Numerics.Vector2.Distance(face.RightEye, portrait.RightEye), 0, tolerance);
        Assert.InRange(System.Numerics.Vector2.Distance(face.LeftEye, portrait.LeftEye), 0, tolerance);
        Assert.InRange(System.Numerics.Vector2.Distance(face.Nose, portrait.Nose), 0, tolerance);
        Assert.InRange(System.Numerics.Vector2.Distance(face.Mouth, portrait.Mouth), 0, tolerance);
    }

    [Theory]
    [InlineData("chelsea.png")]
    [InlineData("coffee.png")]
    public void Detect_NoHumanFace_FindsNothing(string file)
    {
        var faces = detector.Detect(RgbImage.Decode(SamplePhotos.Read(file), 4096));

        Assert.Empty(faces);
    }

    [Theory]
    [InlineData(0.08)]
    [InlineData(0.15)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.9)]
    public void Detect_FaceFromATenthToNearlyAllOfTheWidth_IsFoundAtItsSize(double fraction)
    {
        var portrait = Portrait.Astronaut;
        const int width = 768, height = 1024;
        var scale = fraction * width / portrait.Face.Width;
        using var source = new MagickImage(portrait.Bytes());
        source.Resize(new MagickGeometry((uint)(source.Width * scale), (uint)(source.Height * scale)));
        using var canvas = new MagickImage(new MagickColor("#7a7a7a"), width, height);
        var faceCentreX = (portrait.Face.X + (portrait.Face.Width / 2)) * scale;
        var faceCentreY = (portrait.Face.Y + (portrait.Face.Height / 2)) * scale;
        canvas.Composite(source, (int)((width / 2) - faceCentreX), (int)((height * 0.4) - faceCentreY), CompositeOperator.Over);

        var face = Assert.Single(detector.Detect(RgbImage.FromMagick(canvas)));

        Assert.InRange(face.Box.Width / width, fraction * 0.8, fraction * 1.25);
        Assert.InRange(face.Box.X + (face.Box.Width / 2), width * 0.4, width * 0.6);
    }
}
