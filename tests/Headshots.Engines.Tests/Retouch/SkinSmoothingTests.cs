using Headshots.Engines.Retouch;

namespace Headshots.Engines.Tests.Retouch;

public sealed class SkinSmoothingTests
{
    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_Natural_KeepsPoreTextureAndEvensTone(string name)
    {
        var subject = RetouchSubject.Named(name);
        var before = SkinTexture.Measure(subject.Image, subject.Landmarks);

        var after = SkinTexture.Measure(FaceRetouch.Apply(subject.Image, subject.Landmarks, RetouchSettings.Natural), subject.Landmarks);

        Assert.InRange(after.HighFrequency / before.HighFrequency, 0.8, 1.25);
        Assert.True(after.Unevenness < before.Unevenness * 0.99, $"unevenness {before.Unevenness:0.00} -> {after.Unevenness:0.00}");
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_StrongestSmoothing_EvensMoreAndStillKeepsTexture(string name)
    {
        var subject = RetouchSubject.Named(name);
        var before = SkinTexture.Measure(subject.Image, subject.Landmarks);
        var natural = SkinTexture.Measure(FaceRetouch.Apply(subject.Image, subject.Landmarks, RetouchSettings.Natural), subject.Landmarks);

        var strongest = SkinTexture.Measure(FaceRetouch.Apply(subject.Image, subject.Landmarks, new RetouchSettings(SkinSmoothing: 1)), subject.Landmarks);

        Assert.True(strongest.HighFrequency >= 0.75 * before.HighFrequency, $"texture {before.HighFrequency:0.00} -> {strongest.HighFrequency:0.00}: plastic skin");
        Assert.True(strongest.Unevenness < natural.Unevenness, $"unevenness natural {natural.Unevenness:0.00}, strongest {strongest.Unevenness:0.00}");
    }

    [Fact]
    public void Apply_NoSmoothingNoEdits_ChangesNothing()
    {
        var subject = RetouchSubject.Named("astronaut");

        var after = FaceRetouch.Apply(subject.Image, subject.Landmarks, new RetouchSettings(SkinSmoothing: 0, BalanceEyes: false));

        Assert.Equal(subject.Image.Pixels, after.Pixels);
    }
}
