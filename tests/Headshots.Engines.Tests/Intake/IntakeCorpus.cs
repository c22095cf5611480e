using Headshots.Engines.Imaging;
using Headshots.Engines.Intake;
using Headshots.Engines.Tests.Support;
using ImageMagick;

namespace Headshots.Engines.Tests.Intake;

/// <summary>
/// An upload built by the tests from the public-domain portraits: ten good selfies of one person, then one file for
/// every way a photo can fail (and a few that look odd but must pass), each with the verdict a photographer expects.
/// </summary>
internal static class IntakeCorpus
{
    public const int GoodPhotos = 10;

    public static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes, string? Expected)>> Files = new(Build);

    private static IReadOnlyList<(string Name, byte[] Bytes, string? Expected)> Build()
    {
        var good = SampleShootDeriver.Derive(SamplePhotos.Astronaut, GoodPhotos, seed: 21);
        var files = good.Select(p => (p.Name, p.Jpeg, (string?)null)).ToList();
        var basis = good[0].Jpeg;

        files.Add(("rotated-exif.jpg", RotatedWithExif(SampleShootDeriver.Derive(SamplePhotos.Astronaut, 1, seed: 30)[0].Jpeg), null));
        files.Add(("cmyk.jpg", Edit(SampleShootDeriver.Derive(SamplePhotos.Astronaut, 1, seed: 31)[0].Jpeg, MagickFormat.Jpeg, i => i.ColorSpace = ColorSpace.CMYK), null));
        files.Add(("sixteen-bit.png", Edit(SampleShootDeriver.Derive(SamplePhotos.Astronaut, 1, seed: 32)[0].Jpeg, MagickFormat.Png, i => i.Depth = 16), null));
        files.Add(("phone.heic", SamplePhotos.AstronautHeic, null));
        files.Add(("background-face.jpg", WithSmallFaceBehind(SampleShootDeriver.Derive(SamplePhotos.Astronaut, 1, seed: 34)[0].Jpeg, SamplePhotos.GraceHopper), null));
        files.Add(("animated.webp", AnimatedWebP(SampleShootDeriver.Derive(SamplePhotos.Astronaut, 1, seed: 33)[0].Jpeg), null));

        files.Add(("blurred.jpg", Edit(Variant(41), MagickFormat.Jpeg, i => i.Blur(0, 4)), IntakeReasons.Blurry));
        files.Add(("dark.jpg", Edit(Variant(42), MagickFormat.Jpeg, i => i.Evaluate(Channels.RGB, EvaluateOperator.Multiply, 0.18)), IntakeReasons.Underexposed));
        files.Add(("blown-out.jpg", Edit(Variant(43), MagickFormat.Jpeg, i => i.Evaluate(Channels.RGB, EvaluateOperator.Multiply, 1.5)), IntakeReasons.Overexposed));
        files.Add(("tiny-face.jpg", FaceOnCanvas(SamplePhotos.Astronaut, faceFraction: 0.06, centreX: 0.5), IntakeReasons.FaceTooSmall));
        files.Add(("cut-off.jpg", FaceOnCanvas(SamplePhotos.Astronaut, faceFraction: 0.35, centreX: 0.1), IntakeReasons.FaceCutOff));
        files.Add(("tilted.jpg", Edit(Variant(44), MagickFormat.Jpeg, i => { i.BackgroundColor = new MagickColor("#808080"); i.Rotate(55); }), IntakeReasons.NotFrontal));
        files.Add(("two-people.jpg", SideBySide(SamplePhotos.Astronaut, SamplePhotos.GraceHopper), IntakeReasons.MultipleFaces));
        files.Add(("friend.jpg", SampleShootDeriver.Derive(SamplePhotos.GraceHopper, 1, seed: 45)[0].Jpeg, IntakeReasons.DifferentPerson));
        files.Add(("cat.png", TestPhotos.Resized(SamplePhotos.Cat, 1200, 800, MagickFormat.Png), IntakeReasons.NoFace));
        files.Add(("again.jpg", Edit(good[3].Jpeg, MagickFormat.Jpeg, i => { i.Quality = 70; i.Resize(new Percentage(93)); }), IntakeReasons.Duplicate));

        files.Add(("letter.jpg", HostileFiles.Text, "unsupported_format"));
        files.Add(("archive.jpg", HostileFiles.ZipOf(basis), "unsupported_format"));
        files.Add(("drawing.svg", HostileFiles.Svg, "unsupported_format"));
        files.Add(("document.pdf", HostileFiles.Pdf, "unsupported_format"));
        files.Add(("truncated.jpg", basis[..(basis.Length / 2)], "corrupt"));
        files.Add(("empty.jpg", [], "empty_file"));
        files.Add(("bomb.png", HostileFiles.PngBomb(50_000, 50_000), "too_many_pixels"));
        files.Add(("huge.jpg", [.. basis, .. new byte[41 * 1024 * 1024]], "too_large"));
        return files;

        byte[] Variant(int seed) => SampleShootDeriver.Derive(SamplePhotos.Astronaut, 1, seed)[0].Jpeg;
    }

    private static byte[] Edit(byte[] source, MagickFormat format, Action<MagickImage> edit)
    {
        using var image = new MagickImage(source);
        edit(image);
        return image.ToByteArray(format);
    }

    /// <summary>Stored sideways with EXIF orientation 6, as phones do: upright only once the orientation is applied.</summary>
    private static byte[] RotatedWithExif(byte[] jpeg)
    {
        using var image = new MagickImage(jpeg);
        image.Rotate(-90);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.SetProfile(exif);
        image.Orientation = Orientation.RightTop;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static byte[] AnimatedWebP(byte[] firstFrame)
    {
        using var frames = new MagickImageCollection();
        var first = new MagickImage(firstFrame) { AnimationDelay = 50 };
        var second = (MagickImage)first.Clone();
        second.Negate();
        frames.Add(first);
        frames.Add(second);
        return frames.ToByteArray(MagickFormat.WebP);
    }

    /// <summary>The portrait scaled so its face is the given fraction of a 1600×1200 canvas's width, centred at x.</summary>
    private static byte[] FaceOnCanvas(byte[] portrait, double faceFraction, double centreX)
    {
        const int width = 1600, height = 1200;
        var face = Portrait.Astronaut.Face;
        var scale = faceFraction * width / face.Width;
        using var source = new MagickImage(portrait);
        source.Resize(new MagickGeometry((uint)(source.Width * scale), (uint)(source.Height * scale)));
        using var canvas = new MagickImage(new MagickColor("#8a8a8a"), width, height);
        var faceX = (face.X + (face.Width / 2)) * scale;
        var faceY = (face.Y + (face.Height / 2)) * scale;
        canvas.Composite(source, (int)((width * centreX) - faceX), (int)((height * 0.45) - faceY), CompositeOperator.Over);
        return canvas.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>Someone small in the background, top right: a fifth of the photo's width, so their face is far smaller.</summary>
    private static byte[] WithSmallFaceBehind(byte[] photo, byte[] other)
    {
        using var image = new MagickImage(photo);
        using var behind = new MagickImage(other);
        behind.Resize(new MagickGeometry(image.Width / 5, 0));
        image.Composite(behind, (int)(image.Width - behind.Width - 10), 10, CompositeOperator.Over);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static byte[] SideBySide(byte[] left, byte[] right)
    {
        using var a = new MagickImage(left);
        using var b = new MagickImage(right);
        b.Resize(new MagickGeometry(0, a.Height));
        using var canvas = new MagickImage(new MagickColor("#808080"), a.Width + b.Width, a.Height);
        canvas.Composite(a, 0, 0, CompositeOperator.Over);
        canvas.Composite(b, (int)a.Width, 0, CompositeOperator.Over);
        return canvas.ToByteArray(MagickFormat.Jpeg);
    }
}
