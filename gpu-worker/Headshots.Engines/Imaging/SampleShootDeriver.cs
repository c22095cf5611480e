using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Makes a shoot's worth of distinct "selfies" of one person from one portrait: different crops, scale, tilt,
/// exposure, white balance and JPEG quality. For the demo and the tests, from public-domain portraits.
/// </summary>
public static class SampleShootDeriver
{
    /// <summary>The short edge of every derived photo is at least this, comfortably above the upload minimum.</summary>
    public const int MinShortEdge = 800;

    const double MaxTiltDegrees = 6;

    /// <returns>Photos named selfie-01.jpg, selfie-02.jpg, …; the same portrait and seed give the same bytes.</returns>
    public static IReadOnlyList<(string Name, byte[] Jpeg)> Derive(byte[] portrait, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        using var source = SelfieSteps.Portrait(portrait);
        // Tilting is the slow step, so it runs on at most a modest working size; small portraits are not enlarged
        // here but by the final resize, which costs the same detail and a fraction of the time.
        JpegEncoder.FitWithin(source, 2 * MinShortEdge);

        var photos = new List<(string, byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            var (w, h) = ((double)source.Width, (double)source.Height);
            using var photo = SelfieSteps.Tilted(source, random, MaxTiltDegrees, out var tilt);
            // Crop inside the rotated picture so no filled corner shows: the largest upright rectangle of the
            // portrait's proportions that fits, then a random part of it.
            var fit = InscribedScale(w, h, tilt);
            var keep = fit * (0.78 + random.NextDouble() * 0.2);
            var (cropW, cropH) = (w * keep, h * keep);
            var (innerLeft, innerTop) = ((photo.Width - w * fit) / 2, (photo.Height - h * fit) / 2);
            var left = innerLeft + random.NextDouble() * (w * fit - cropW);
            // Portraits put the head near the top: crops stay high so no selfie loses the top of the head.
            var top = innerTop + random.NextDouble() * 0.25 * (h * fit - cropH);
            photo.Crop(new MagickGeometry((int)Math.Round(left), (int)Math.Round(top), (uint)cropW, (uint)cropH));
            photo.ResetPage();

            SelfieSteps.VaryLight(photo, random);

            var shortEdge = MinShortEdge + 20 + random.Next(0, 300);
            var s = shortEdge / (double)Math.Min(photo.Width, photo.Height);
            photo.FilterType = FilterType.Lanczos;
            photo.Resize(new MagickGeometry((uint)Math.Round(photo.Width * s), (uint)Math.Round(photo.Height * s)) { IgnoreAspectRatio = true });
            photos.Add((SelfieSteps.Name(i), JpegEncoder.Encode(photo, (uint)random.Next(70, 96))));
        }
        return photos;
    }

    /// <summary>
    /// The scale at which a w × h rectangle, upright, fits inside the same rectangle turned by <paramref name="degrees"/>:
    /// turned back into the portrait's frame, its bounding box must fit within w × h.
    /// </summary>
    internal static double InscribedScale(double w, double h, double degrees)
    {
        var radians = Math.Abs(degrees) * Math.PI / 180;
        var (cos, sin) = (Math.Cos(radians), Math.Sin(radians));
        return Math.Min(w / (w * cos + h * sin), h / (w * sin + h * cos));
    }
}
