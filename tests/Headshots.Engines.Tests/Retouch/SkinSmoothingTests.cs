using Headshots.Engines.Retouch;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Retouch;

public sealed class SkinSmoothingTests
{
    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_Natural_KeepsPoreTextureAndEvensTone(string name)
    {
        var subject = RetouchSubject.Named(name);
        var before = SkinTexture.Measure(subject.Image, subject.Landmarks);

        var retouched = FaceRetouch.Apply(subject.Image, subject.Landmarks, RetouchSettings.Natural);

        var after = SkinTexture.Measure(retouched, subject.Landmarks);
        var texture = IndependentTexture.HighPassRms(retouched, subject.Masks.Skin) / IndependentTexture.HighPassRms(subject.Image, subject.Masks.Skin);
        Assert.InRange(texture, 0.8, 1.25);
        Assert.True(after.Unevenness < before.Unevenness * 0.99, $"unevenness {before.Unevenness:0.00} -> {after.Unevenness:0.00}");
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_StrongestSmoothing_EvensMoreAndStillKeepsTexture(string name)
    {
        var subject = RetouchSubject.Named(name);
        var natural = SkinTexture.Measure(FaceRetouch.Apply(subject.Image, subject.Landmarks, RetouchSettings.Natural), subject.Landmarks);

        var smoothest = FaceRetouch.Apply(subject.Image, subject.Landmarks, new RetouchSettings(SkinSmoothing: 1));

        var strongest = SkinTexture.Measure(smoothest, subject.Landmarks);
        var (textureBefore, textureAfter) = (IndependentTexture.HighPassRms(subject.Image, subject.Masks.Skin), IndependentTexture.HighPassRms(smoothest, subject.Masks.Skin));
        Assert.True(textureAfter >= 0.75 * textureBefore, $"texture {textureBefore:0.00} -> {textureAfter:0.00}: plastic skin");
        Assert.True(strongest.Unevenness < natural.Unevenness, $"unevenness natural {natural.Unevenness:0.00}, strongest {strongest.Unevenness:0.00}");
    }

    [Fact]
    public void IndependentTexture_PlasticSkin_MeasuresFarBelowTheTextureThresholds()
    {
        // The check above can fail: the same face blurred as a heavy-handed retouch would blur it.
        var subject = RetouchSubject.Named("astronaut");
        using var plastic = Rgb.ToMagick(subject.Image);
        plastic.GaussianBlur(0, 2.5);

        var ratio = IndependentTexture.HighPassRms(Rgb.Of(plastic), subject.Masks.Skin) / IndependentTexture.HighPassRms(subject.Image, subject.Masks.Skin);

        Assert.InRange(ratio, 0, 0.5);
    }

    [Fact]
    public void Apply_NoSmoothingNoEdits_ChangesNothing()
    {
        var subject = RetouchSubject.Named("astronaut");

        var after = FaceRetouch.Apply(subject.Image, subject.Landmarks, new RetouchSettings(SkinSmoothing: 0, BalanceEyes: false));

        Assert.Equal(subject.Image.Pixels, after.Pixels);
    }
}
