using Headshots.Engines.Generation;
using Headshots.Engines.Imaging;
using Headshots.Engines.Tests.Looks;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Generation;

/// <summary>The references a generative model is sent: head and shoulders, level, full quality, still the person.</summary>
public sealed class ReferenceCropTests
{
    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Render_Portrait_IsAFourByFiveHeadAndShouldersOfTheSamePerson(string name)
    {
        var portrait = Portrait.Named(name);
        var source = portrait.Image();

        var crop = ReferenceCrop.Render(portrait.Bytes(), ComposedCandidates.Faces);

        Assert.True(crop.FaceFound);
        Assert.Equal(crop.Width * 5, crop.Height * 4);
        // At the photo's own resolution: never enlarged past what the photo holds.
        Assert.InRange(crop.Width, 200, Math.Min(ReferenceCrop.MaxWidth, source.Width));
        var face = ComposedCandidates.Faces.Analyse(crop.Jpeg).Main!;
        var eyes = (face.Landmarks.RightEyeCentre.Y + face.Landmarks.LeftEyeCentre.Y) / 2 / crop.Height;
        Assert.InRange(eyes, 0.2, 0.5);
        // Head and shoulders: the face is a part of the frame, not all of it.
        Assert.InRange(face.Landmarks.Bounds.Width / crop.Width, 0.2, 0.6);
        var distance = face.Embedding!.DistanceTo(ComposedCandidates.AnalysisOf(portrait).Main!.Embedding!);
        Assert.True(distance < 0.3, $"identity distance {distance:0.000}");
    }

    [Fact]
    public void Render_PhotoWithoutAFace_IsSentWholeAndSaysSo()
    {
        using var flat = new MagickImage(new MagickColor("#808890"), 2400, 1600) { Format = MagickFormat.Jpeg };

        var crop = ReferenceCrop.Render(flat.ToByteArray(), ComposedCandidates.Faces);

        Assert.False(crop.FaceFound);
        Assert.Equal(2400.0 / 1600, crop.Width / (double)crop.Height, 2);
        Assert.True(Math.Max(crop.Width, crop.Height) <= ReferenceCrop.MaxWidth * 5 / 4);
    }
}
