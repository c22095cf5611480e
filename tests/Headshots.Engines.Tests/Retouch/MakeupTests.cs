using System.Numerics;
using Headshots.Engines.Imaging;
using Headshots.Engines.Retouch;
using Headshots.Jobs.Edits;

namespace Headshots.Engines.Tests.Retouch;

public sealed class MakeupTests
{
    static readonly RetouchSettings Plain = new(SkinSmoothing: 0, BalanceEyes: false);

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_UnderEye_BrightensBelowTheEyes(string name)
    {
        var subject = RetouchSubject.Named(name);
        var below = BelowEyes(subject);

        var after = FaceRetouch.Apply(subject.Image, subject.Landmarks, Plain with { Makeup = MakeupOptions.UnderEye });

        var before = MeanLuma(subject.Image, below);
        Assert.True(MeanLuma(after, below) > before * 1.02, $"under-eye luma {before:0.0} -> {MeanLuma(after, below):0.0}");
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_Lips_ChangesTheLipsOnly(string name)
    {
        var subject = RetouchSubject.Named(name);

        var after = FaceRetouch.Apply(subject.Image, subject.Landmarks, Plain with { Makeup = MakeupOptions.Lips });

        double inside = 0;
        var insideCount = 0;
        var outsideChanged = 0;
        for (var i = 0; i < subject.Masks.Lips.Length; i++)
        {
            var change = 0;
            for (var c = 0; c < 3; c++) change += Math.Abs(after.Pixels[(3 * i) + c] - subject.Image.Pixels[(3 * i) + c]);
            if (subject.Masks.Lips[i] != 0)
            {
                inside += change;
                insideCount++;
            }
            else if (change != 0)
            {
                outsideChanged++;
            }
        }

        Assert.Equal(0, outsideChanged);
        Assert.True(inside / insideCount > 1.5, $"mean lip change {inside / insideCount:0.00} levels");
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_Shine_LowersTheBrightestSkin(string name)
    {
        var subject = RetouchSubject.Named(name);

        var after = FaceRetouch.Apply(subject.Image, subject.Landmarks, Plain with { Makeup = MakeupOptions.Shine });

        var before = Percentile(subject.Image, subject.Masks.Skin, 0.99);
        var highlights = Percentile(after, subject.Masks.Skin, 0.99);
        Assert.True(highlights < before - 2, $"99th percentile of skin luma {before:0.0} -> {highlights:0.0}");
        Assert.Equal(Percentile(subject.Image, subject.Masks.Skin, 0.3), Percentile(after, subject.Masks.Skin, 0.3), 1.0);
    }

    [Theory]
    [MemberData(nameof(RetouchSubject.Both), MemberType = typeof(RetouchSubject))]
    public void Apply_BalanceEyes_LiftsAnEyeInShadow(string name)
    {
        var subject = RetouchSubject.Named(name);
        var right = Eye(subject, subject.Landmarks.RightEyeCentre);
        var left = Eye(subject, subject.Landmarks.LeftEyeCentre);
        var shaded = Darken(subject.Image, Around(subject, subject.Landmarks.RightEyeCentre, 0.4f), 0.8);

        var balanced = FaceRetouch.Apply(shaded, subject.Landmarks, new RetouchSettings(SkinSmoothing: 0));

        var gapBefore = MeanLuma(shaded, left) / MeanLuma(shaded, right);
        var gapAfter = MeanLuma(balanced, left) / MeanLuma(balanced, right);
        Assert.True(gapAfter < gapBefore - 0.03, $"left/right eye luma {gapBefore:0.000} -> {gapAfter:0.000}");
        Assert.True(gapAfter > 1.05, $"the lift is capped, not a full correction: {gapAfter:0.000}");
    }

    /// <summary>A band under each eye, a little below the lower lid, on skin.</summary>
    static byte[] BelowEyes(RetouchSubject subject)
    {
        var iod = subject.InterOcular;
        var mask = new byte[subject.Masks.Skin.Length];
        foreach (var eye in new[] { subject.Landmarks.RightEyeCentre, subject.Landmarks.LeftEyeCentre })
        {
            for (var i = 0; i < mask.Length; i++)
            {
                var dx = ((i % subject.Image.Width) - eye.X) / iod;
                var dy = ((i / subject.Image.Width) - eye.Y) / iod;
                if (subject.Masks.Skin[i] != 0 && Math.Abs(dx) < 0.2 && dy is > 0.12f and < 0.25f) mask[i] = 255;
            }
        }

        return mask;
    }

    /// <summary>One eye of the eyes mask: the half of it nearer <paramref name="centre"/>.</summary>
    static byte[] Eye(RetouchSubject subject, Vector2 centre)
    {
        var mask = new byte[subject.Masks.Eyes.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            if (subject.Masks.Eyes[i] != 0 && Math.Abs((i % subject.Image.Width) - centre.X) < subject.InterOcular / 2) mask[i] = 255;
        }

        return mask;
    }

    static byte[] Around(RetouchSubject subject, Vector2 centre, float radius)
    {
        var mask = new byte[subject.Masks.Skin.Length];
        var r = radius * subject.InterOcular;
        for (var i = 0; i < mask.Length; i++)
        {
            if (Vector2.Distance(new Vector2(i % subject.Image.Width, i / subject.Image.Width), centre) < r) mask[i] = 255;
        }

        return mask;
    }

    static RgbImage Darken(RgbImage image, byte[] mask, double gain)
    {
        var pixels = (byte[])image.Pixels.Clone();
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] == 0) continue;
            for (var c = 0; c < 3; c++) pixels[(3 * i) + c] = (byte)Math.Round(pixels[(3 * i) + c] * gain);
        }

        return new RgbImage(image.Width, image.Height, pixels);
    }

    static double MeanLuma(RgbImage image, byte[] mask)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] == 0) continue;
            sum += Luma(image, i);
            n++;
        }

        return sum / n;
    }

    static double Percentile(RgbImage image, byte[] mask, double p)
    {
        var values = new List<double>();
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0) values.Add(Luma(image, i));
        }

        values.Sort();
        return values[(int)(p * (values.Count - 1))];
    }

    static double Luma(RgbImage image, int pixel) =>
        (0.2126 * image.Pixels[3 * pixel]) + (0.7152 * image.Pixels[(3 * pixel) + 1]) + (0.0722 * image.Pixels[(3 * pixel) + 2]);
}
