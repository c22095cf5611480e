using System.Drawing;
using System.Numerics;
using Headshots.Engines.Edits;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Edits;

/// <summary>The cloud editing engine's masks on the sample portraits, against their hand-labelled ground truth.</summary>
public sealed class EditMasksTests
{
    static readonly EditMaskBuilder Builder = new(FaceAnalyser.On(TestModels.Models), new SelfieSegmenter(TestModels.Models));

    static EditMask Mask(Portrait portrait, EditMaskRegion region) => Builder.Build(portrait.Image(), region);

    static bool At(EditMask mask, Vector2 point) => mask.IsEditable((int)point.X, (int)point.Y);

    static double Share(EditMask mask, Rectangle r)
    {
        var (inside, total) = (0, 0);
        for (var y = Math.Max(0, r.Top); y < Math.Min(mask.Height, r.Bottom); y++)
        {
            for (var x = Math.Max(0, r.Left); x < Math.Min(mask.Width, r.Right); x++)
            {
                total++;
                if (mask.IsEditable(x, y)) inside++;
            }
        }

        return total == 0 ? 0 : inside / (double)total;
    }

    static void NeverTheFeatures(Portrait p, EditMask mask)
    {
        Assert.False(At(mask, p.RightEye), "right eye");
        Assert.False(At(mask, p.LeftEye), "left eye");
        Assert.False(At(mask, p.Nose), "nose");
        Assert.False(At(mask, p.Mouth), "mouth");
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Hair_CoversTheHeadAboveTheFace_NeverTheFaceOrTheFarBackground(string name)
    {
        var p = Portrait.Named(name);

        var mask = Mask(p, EditMaskRegion.Hair);

        Assert.Equal((p.Image().Width, p.Image().Height), (mask.Width, mask.Height));
        NeverTheFeatures(p, mask);
        // Just above the labelled face box is hair (or a hat) on both portraits.
        var crown = new Rectangle((int)(p.Face.Left + (p.Face.Width * 0.3f)), (int)(p.Face.Top - (p.Face.Height * 0.12f)), (int)(p.Face.Width * 0.4f), (int)(p.Face.Height * 0.1f));
        Assert.True(Share(mask, crown) > 0.6, $"crown {crown}: {Share(mask, crown):0.00}");
        Assert.All(p.Background, r => Assert.True(Share(mask, r) < 0.05, $"background {r}: {Share(mask, r):0.00}"));
        // Not the neck under the chin, nor the clothing far below it.
        var neck = new Rectangle((int)(p.Face.Left + (p.Face.Width * 0.4f)), (int)(p.Face.Bottom + 2), (int)(p.Face.Width * 0.2f), (int)(p.Face.Height * 0.05f));
        Assert.True(Share(mask, neck) < 0.05, $"neck {neck}: {Share(mask, neck):0.00}");

        Assert.True(Share(mask, p.Person[1]) < 0.05, $"body {p.Person[1]}: {Share(mask, p.Person[1]):0.00}");
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Expression_CoversMouthAndEyes_AndStaysInsideTheFace(string name)
    {
        var p = Portrait.Named(name);

        var mask = Mask(p, EditMaskRegion.Expression);

        Assert.True(At(mask, p.Mouth), "mouth");
        Assert.True(At(mask, p.RightEye), "right eye");
        Assert.True(At(mask, p.LeftEye), "left eye");
        var face = Rectangle.Round(p.Face);
        face.Inflate(face.Width / 5, face.Height / 5);
        var outside = 0;
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (mask.IsEditable(x, y) && !face.Contains(x, y)) outside++;
            }
        }

        Assert.Equal(0, outside);
        Assert.InRange(Share(mask, Rectangle.Round(p.Face)), 0.1, 0.7);
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Clothing_CoversTheBodyBelowTheNeck_NeverTheFaceOrBackground(string name)
    {
        var p = Portrait.Named(name);

        var mask = Mask(p, EditMaskRegion.Clothing);

        NeverTheFeatures(p, mask);
        Assert.True(Share(mask, p.Person[1]) > 0.9, $"body {p.Person[1]}: {Share(mask, p.Person[1]):0.00}");
        Assert.True(Share(mask, p.Person[0]) < 0.02, $"face {p.Person[0]}: {Share(mask, p.Person[0]):0.00}");
        Assert.All(p.Background, r => Assert.True(Share(mask, r) < 0.05, $"background {r}: {Share(mask, r):0.00}"));
    }

    [Fact]
    public void Regions_DoNotOverlapHairAndClothing()
    {
        var p = Portrait.GraceHopper;
        var hair = Mask(p, EditMaskRegion.Hair);
        var clothing = Mask(p, EditMaskRegion.Clothing);

        var both = hair.Editable.Zip(clothing.Editable).Count(t => t.First != 0 && t.Second != 0);

        Assert.True(both < hair.Editable.Length / 200, $"{both} pixels in both");
    }

    [Fact]
    public void Build_NoFace_SaysSo()
    {
        var blank = new RgbImage(64, 64, Enumerable.Repeat((byte)200, 64 * 64 * 3).ToArray());

        var error = Assert.Throws<InvalidOperationException>(() => Builder.Build(blank, EditMaskRegion.Hair));

        Assert.Contains("No face", error.Message);
    }

    [Fact]
    public void ToPng_IsTheImagesSize_TransparentWhereEditable()
    {
        var editable = new byte[6 * 4];
        editable[(1 * 6) + 2] = 255;
        var png = new EditMask(6, 4, editable).ToPng();

        using var image = new MagickImage(png);
        Assert.Equal(MagickFormat.Png, image.Format);
        Assert.Equal((6u, 4u), (image.Width, image.Height));
        using var pixels = image.GetPixels();
        Assert.Equal(0, pixels.GetPixel(2, 1).GetChannel(3));
        Assert.Equal(255, pixels.GetPixel(0, 0).GetChannel(3));
    }

    [Fact]
    public void Dilate_GrowsBySquareRadius()
    {
        var mask = new byte[9 * 9];
        mask[(4 * 9) + 4] = 255;

        var grown = EditMaskMorphology.Dilate(mask, 9, 9, 2);

        Assert.Equal(25, grown.Count(v => v != 0));
        Assert.Equal(255, grown[(2 * 9) + 2]);
        Assert.Equal(0, grown[(1 * 9) + 4]);
    }
}
