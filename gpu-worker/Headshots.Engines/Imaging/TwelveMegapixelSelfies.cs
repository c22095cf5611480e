using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// A shoot's worth of 12 MP phone selfies (3000 × 4000, the 3:4 of a phone held upright) of one person from one
/// public-domain portrait, for the benchmarks: the portrait turned a little, cropped to 3:4 inside it, then enlarged
/// by the same factor on both axes, so the face keeps its shape. The crop keeps nearly the portrait's whole height,
/// which puts the face at about 0.3 of the photo's width: what a phone's front camera (about 53° across the short
/// side) sees of a 15 cm face at an arm's length of 50 cm. Details finer than the portrait's own are added by the
/// caller (<see cref="WeaveChart"/>).
/// </summary>
public static class TwelveMegapixelSelfies
{
    public const int Width = 3000;

    public const int Height = 4000;

    const double MaxTiltDegrees = 4;

    /// <summary>The crop's height as a fraction of the largest 3:4 that fits: close to the whole, so the scale stays an arm's length.</summary>
    const double SmallestKeep = 0.93;

    /// <returns>Photos named selfie-01.jpg, selfie-02.jpg, …; the same portrait and seed give the same bytes.</returns>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> Make(byte[] portrait, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        using var source = SelfieSteps.Portrait(portrait);

        var photos = new List<(string, byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            var (w, h) = ((double)source.Width, (double)source.Height);
            using var photo = SelfieSteps.Tilted(source, random, MaxTiltDegrees, out var tilt);
            // The largest upright 3:4 about the centre that shows no filled corner, then a random part of it, kept high
            // (portraits put the head near the top).
            var tallest = InscribedHeight(w, h, Width / (double)Height, tilt);
            var cropH = tallest * (SmallestKeep + random.NextDouble() * (1 - SmallestKeep));
            var cropW = cropH * Width / Height;
            var (innerLeft, innerTop) = ((photo.Width - tallest * Width / Height) / 2, (photo.Height - tallest) / 2);
            var left = innerLeft + random.NextDouble() * ((tallest * Width / Height) - cropW);
            var top = innerTop + random.NextDouble() * 0.25 * (tallest - cropH);
            photo.Crop(new MagickGeometry((int)Math.Round(left), (int)Math.Round(top), (uint)Math.Round(cropW), (uint)Math.Round(cropH)));
            photo.ResetPage();
            SelfieSteps.VaryLight(photo, random);

            photo.FilterType = FilterType.Lanczos;
            // The crop is 3:4 to within a pixel of the portrait's: the rounding is all the resize may stretch.
            photo.Resize(new MagickGeometry(Width, Height) { IgnoreAspectRatio = true });
            photos.Add((SelfieSteps.Name(i), JpegEncoder.Encode(photo, (uint)random.Next(88, 96))));
        }
        return photos;
    }

    /// <summary>
    /// The height of the largest upright rectangle of <paramref name="aspect"/> (width over height), centred, that fits
    /// inside a <paramref name="w"/> × <paramref name="h"/> picture turned by <paramref name="degrees"/>: turned back,
    /// its bounding box must fit within w × h.
    /// </summary>
    internal static double InscribedHeight(double w, double h, double aspect, double degrees)
    {
        var radians = Math.Abs(degrees) * Math.PI / 180;
        var (cos, sin) = (Math.Cos(radians), Math.Sin(radians));
        return Math.Min(w / ((aspect * cos) + sin), h / ((aspect * sin) + cos));
    }
}
