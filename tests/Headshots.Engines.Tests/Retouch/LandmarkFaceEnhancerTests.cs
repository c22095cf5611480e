using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Retouch;
using Headshots.Engines.Tests.Support;
using Headshots.Jobs.Edits;
using ImageMagick;

namespace Headshots.Engines.Tests.Retouch;

public sealed class LandmarkFaceEnhancerTests
{
    /// <summary>The most a refine request can ask of the retouch (adding freckles aside, which changes the look on purpose).</summary>
    static readonly RetouchSettings Strongest = new(SkinSmoothing: 1, FreckleChange.Soften, Makeup: MakeupOptions.Lips | MakeupOptions.UnderEye | MakeupOptions.Shine);

    public static IEnumerable<object[]> Cases =>
        from portrait in RetouchSubject.Both
        from settings in new[] { "natural", "strongest", "freckles" }
        select new[] { portrait[0], settings };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_AnySettings_KeepsThePerson(string name, string settings)
    {
        var subject = RetouchSubject.Named(name);

        var retouched = FaceRetouch.Apply(subject.Image, subject.Landmarks, Settings(settings));

        // The geometry does not change, so the original mesh aligns the retouched face too: the distance is the
        // retouch's alone, with no landmark jitter in it.
        var distance = subject.Embedding.DistanceTo(new DlibFaceEmbedder(TestModels.Models).Embed(retouched, subject.Landmarks));
        Assert.True(distance < 0.15, $"identity distance {distance:0.000}");
    }

    [Fact]
    public void Enhance_Headshot_ReturnsAJpegOfTheSamePersonAtTheSameSize()
    {
        var subject = RetouchSubject.Named("astronaut");
        var jpeg = RetouchSubject.Jpeg(subject.Image);

        var enhanced = new LandmarkFaceEnhancer(RetouchSubject.Analyser).Enhance(jpeg, RetouchSettings.Natural, CancellationToken.None);

        Assert.Equal((subject.Image.Width, subject.Image.Height), (enhanced.Width, enhanced.Height));
        using (var output = TestPhotos.Ping(enhanced.Jpeg)) Assert.Equal((MagickFormat.Jpeg, ColorSpace.sRGB), (output.Format, output.ColorSpace));
        Assert.Equal(subject.Image.Width, enhanced.Width);
        var distance = subject.Embedding.DistanceTo(RetouchSubject.EmbeddingOf(RgbImage.Decode(enhanced.Jpeg, 4096)));
        Assert.True(distance < 0.15, $"identity distance {distance:0.000} after detection, mesh and embedding anew");
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_AnySettings_LeavesEverythingOutsideTheFaceUntouched(string name)
    {
        var subject = RetouchSubject.Named(name);
        var face = subject.Face();

        foreach (var settings in new[] { RetouchSettings.Natural, Strongest, Strongest with { Freckles = FreckleChange.Add, FreckleDensity = 1 } })
        {
            var retouched = FaceRetouch.Apply(subject.Image, subject.Landmarks, settings);

            long changedInside = 0, changedOutside = 0;
            for (var i = 0; i < face.Length; i++)
            {
                var same = retouched.Pixels[3 * i] == subject.Image.Pixels[3 * i] && retouched.Pixels[(3 * i) + 1] == subject.Image.Pixels[(3 * i) + 1] && retouched.Pixels[(3 * i) + 2] == subject.Image.Pixels[(3 * i) + 2];
                if (same) continue;
                if (face[i] == 0) changedOutside++; else changedInside++;
            }

            Assert.Equal(0, changedOutside);
            Assert.True(changedInside > 1000, $"only {changedInside} face pixels changed ({settings})");
        }
    }

    [Fact]
    public void Enhance_NoFace_ReturnsThePhotoAtItsSize()
    {
        using var coffee = new MagickImage(SamplePhotos.Coffee);
        var jpeg = coffee.ToByteArray(MagickFormat.Jpeg);

        var enhanced = new LandmarkFaceEnhancer(RetouchSubject.Analyser).Enhance(jpeg, Strongest, CancellationToken.None);

        Assert.Equal(((int)coffee.Width, (int)coffee.Height), (enhanced.Width, enhanced.Height));
        Assert.InRange(Pixels.Of(jpeg).MeanAbsoluteDifference(Pixels.Of(enhanced.Jpeg)), 0, 1.5);
    }

    [Fact]
    public void Enhance_LargerThanTheAnalysisEdge_RetouchesTheFaceAtFullSize()
    {
        var subject = RetouchSubject.Named("astronaut");
        using var large = Rgb.ToMagick(subject.Image);
        large.FilterType = FilterType.Lanczos;
        large.Resize(new MagickGeometry(2048, 2048));
        var image = Rgb.Of(large);
        var landmarks = subject.Landmarks with { Points = subject.Landmarks.Points.Select(p => p * 2).ToList() };
        var before = SkinTexture.Measure(image, landmarks);

        var retouched = new LandmarkFaceEnhancer(RetouchSubject.Analyser).Retouch(image, new RetouchSettings(SkinSmoothing: 1), CancellationToken.None);

        var after = SkinTexture.Measure(retouched, landmarks);
        Assert.True(after.Unevenness < before.Unevenness * 0.97, $"unevenness {before.Unevenness:0.00} -> {after.Unevenness:0.00}");
        Assert.InRange(after.HighFrequency / before.HighFrequency, 0.8, 1.25);
    }

    static RetouchSettings Settings(string name) => name switch
    {
        "natural" => RetouchSettings.Natural,
        "strongest" => Strongest,
        _ => RetouchSettings.Natural with { Freckles = FreckleChange.Add },
    };

    /// <remarks>The refine and prepare-edit jobs decode a base at this bound too: a 16 MP base must never be reduced by it.</remarks>
    [Fact]
    public void MaxEdge_EveryDeliveredSize_FitsWithoutReduction() =>
        Assert.All(Headshots.Jobs.Looks.AspectRatio.All, a => Assert.True(Math.Max(a.DeliveredWidth, a.DeliveredHeight) <= LandmarkFaceEnhancer.MaxEdge,
            $"{a.Name} is delivered at {a.DeliveredWidth} × {a.DeliveredHeight}, beyond the {LandmarkFaceEnhancer.MaxEdge} px a base is decoded at"));
}
