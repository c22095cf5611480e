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
    static readonly SelfieSegmenter Segmenter = new(TestModels.Models);
    static readonly EditMaskBuilder Builder = new(FaceAnalyser.On(TestModels.Models), Segmenter);

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

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Background_CoversWhatIsNotThePerson_NeverTheFaceOrThePerson(string name)
    {
        var p = Portrait.Named(name);
        var person = Segmenter.Segment(p.Image());

        var mask = Mask(p, EditMaskRegion.Background);

        NeverTheFeatures(p, mask);
        // The face: the ellipse in the labelled face box (its corners beside the jaw are background on both portraits).
        var faceEditable = 0;
        for (var y = (int)p.Face.Top; y < (int)p.Face.Bottom; y++)
        {
            for (var x = (int)p.Face.Left; x < (int)p.Face.Right; x++)
            {
                var dx = (x + 0.5f - (p.Face.Left + (p.Face.Width / 2))) / (p.Face.Width / 2);
                var dy = (y + 0.5f - (p.Face.Top + (p.Face.Height / 2))) / (p.Face.Height / 2);
                if ((dx * dx) + (dy * dy) <= 1 && mask.IsEditable(x, y)) faceEditable++;
            }
        }
        Assert.Equal(0, faceEditable);
        Assert.All(p.Person, r => Assert.Equal(0, Share(mask, r)));
        Assert.All(p.Background, r => Assert.True(Share(mask, r) > 0.95, $"background {r}: {Share(mask, r):0.00}"));
        var (personEditable, clear, clearEditable) = (0, 0, 0);
        for (var i = 0; i < mask.Editable.Length; i++)
        {
            var editable = mask.Editable[i] != 0;
            if (person.Alpha[i] >= 128 && editable) personEditable++;
            if (person.Alpha[i] != 0) continue;
            clear++;
            if (editable) clearEditable++;
        }
        Assert.Equal(0, personEditable);
        // Only a thin margin around the person is kept of what the segmenter calls background.
        Assert.True(clearEditable > clear * 0.85, $"{clearEditable} of {clear} background pixels editable");
    }

    [Theory]
    [MemberData(nameof(Portrait.Both), MemberType = typeof(Portrait))]
    public void Background_MergedWithAnEditOfEveryPixel_KeepsThePersonAndFaceExactly(string name)
    {
        var p = Portrait.Named(name);
        var image = p.Image();
        var person = Segmenter.Segment(image);
        var mask = Mask(p, EditMaskRegion.Background);
        var repainted = new RgbImage(image.Width, image.Height, Enumerable.Repeat((byte)7, image.Pixels.Length).ToArray());

        var merged = EditMaskCanvas.Merge(image, repainted, mask);

        var changed = 0;
        for (var i = 0; i < person.Alpha.Length; i++)
        {
            // The soft edge too: the merge's feather falls on the margin outside it.
            if (person.Alpha[i] < 32) continue;
            for (var c = 0; c < 3; c++) if (merged.Pixels[(i * 3) + c] != image.Pixels[(i * 3) + c]) changed++;
        }
        Assert.Equal(0, changed);
        var (x, y) = (p.Background[0].X + (p.Background[0].Width / 2), p.Background[0].Y + (p.Background[0].Height / 2));
        Assert.Equal(7, merged.Pixels[((y * image.Width) + x) * 3]);
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
