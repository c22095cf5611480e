using Headshots.Engines.Imaging;
using Headshots.Engines.Retouch;
using Headshots.Jobs.Edits;

namespace Headshots.Engines.Tests.Retouch;

public sealed class FreckleTests
{
    static readonly RetouchSettings Add = new(SkinSmoothing: 0, FreckleChange.Add, BalanceEyes: false);
    static readonly RetouchSettings Soften = new(SkinSmoothing: 0, FreckleChange.Soften, BalanceEyes: false);

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_AddFreckles_RaisesSpotsOnTheCheeks(string name)
    {
        var subject = RetouchSubject.Named(name);
        var cheeks = Cheeks(subject);

        var freckled = FaceRetouch.Apply(subject.Image, subject.Landmarks, Add);

        var before = SkinTexture.SpotEnergy(subject.Image, cheeks, subject.InterOcular);
        var after = SkinTexture.SpotEnergy(freckled, cheeks, subject.InterOcular);
        // Grace Hopper's glasses rims cross her cheeks and already count as dark blobs, so the rise is relative to
        // a high floor there (about +5 %; +10 % on the astronaut's clear skin).
        Assert.True(after > before * 1.04, $"spots {before:0.000} -> {after:0.000}");
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_SoftenAddedFreckles_LowersSpotsBelowTheOriginal(string name)
    {
        var subject = RetouchSubject.Named(name);
        var freckled = FaceRetouch.Apply(subject.Image, subject.Landmarks, Add);

        var softened = FaceRetouch.Apply(freckled, subject.Landmarks, Soften);

        var freckledSpots = SkinTexture.SpotEnergy(freckled, subject.Masks.Skin, subject.InterOcular);
        var softenedSpots = SkinTexture.SpotEnergy(softened, subject.Masks.Skin, subject.InterOcular);
        Assert.True(softenedSpots < freckledSpots * 0.8, $"spots {freckledSpots:0.000} -> {softenedSpots:0.000}");
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_SoftenOriginal_LowersSpotsAndKeepsPores(string name)
    {
        var subject = RetouchSubject.Named(name);
        var before = SkinTexture.Measure(subject.Image, subject.Landmarks);

        var after = SkinTexture.Measure(FaceRetouch.Apply(subject.Image, subject.Landmarks, Soften), subject.Landmarks);

        Assert.True(after.Spots < before.Spots * 0.8, $"spots {before.Spots:0.000} -> {after.Spots:0.000}");
        Assert.InRange(after.HighFrequency / before.HighFrequency, 0.85, 1.15);
    }

    [Fact]
    public void Apply_AddFrecklesTwice_GivesTheSameImage()
    {
        var subject = RetouchSubject.Named("astronaut");

        var first = FaceRetouch.Apply(subject.Image, subject.Landmarks, Add);
        var second = FaceRetouch.Apply(subject.Image, subject.Landmarks, Add);

        Assert.Equal(first.Pixels, second.Pixels);
    }

    [Fact]
    public void Apply_AddFreckles_DarkensTheSkinItPaints()
    {
        var subject = RetouchSubject.Named("astronaut");

        var freckled = FaceRetouch.Apply(subject.Image, subject.Landmarks, Add);

        long darker = 0, lighter = 0;
        for (var i = 0; i < freckled.Pixels.Length; i += 3)
        {
            var change = Luma(freckled, i) - Luma(subject.Image, i);
            if (change < -2) darker++;
            if (change > 2) lighter++;
        }

        Assert.True(darker > 200, $"{darker} pixels darker");
        Assert.Equal(0, lighter);
    }

    /// <summary>The skin of the apples of the cheeks and the nose between them, where freckles go.</summary>
    static byte[] Cheeks(RetouchSubject subject)
    {
        var (w, iod) = (subject.Image.Width, subject.InterOcular);
        var eyes = (subject.Landmarks.RightEyeCentre + subject.Landmarks.LeftEyeCentre) / 2;
        var centre = eyes + (System.Numerics.Vector2.Normalize(subject.Landmarks.NoseTip - eyes) * 0.4f * iod);
        var mask = new byte[subject.Masks.Skin.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            var dx = ((i % w) - centre.X) / (1.0f * iod);
            var dy = ((i / w) - centre.Y) / (0.35f * iod);
            if (subject.Masks.Skin[i] != 0 && (dx * dx) + (dy * dy) <= 1) mask[i] = 255;
        }

        return mask;
    }

    static double Luma(RgbImage image, int i) => (0.2126 * image.Pixels[i]) + (0.7152 * image.Pixels[i + 1]) + (0.0722 * image.Pixels[i + 2]);
}
