using System.Globalization;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Makes a shoot's worth of distinct "selfies" of one person from one portrait: different crops, scale, tilt,
/// exposure, white balance and JPEG quality. For the demo and the tests, from public-domain portraits.
/// </summary>
public static class SampleShootDeriver
{
    public static IReadOnlyList<(string Name, byte[] Jpeg)> Derive(byte[] portrait, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        using var source = new MagickImage(portrait);
        source.Alpha(AlphaAction.Remove);
        source.ColorSpace = ColorSpace.sRGB;
        if (Math.Min(source.Width, source.Height) < 1400)
        {
            source.FilterType = FilterType.Lanczos;
            var scale = 1400.0 / Math.Min(source.Width, source.Height);
            source.Resize((uint)Math.Round(source.Width * scale), (uint)Math.Round(source.Height * scale));
        }
        var photos = new List<(string, byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            using var photo = (MagickImage)source.Clone();
            photo.BackgroundColor = new MagickColor("#808080");
            photo.Rotate(random.NextDouble() * 12 - 6);
            var keep = 0.72 + random.NextDouble() * 0.2;
            var w = (uint)(photo.Width * keep);
            var h = (uint)(photo.Height * keep);
            var left = (int)(random.NextDouble() * (photo.Width - w));
            var top = (int)(random.NextDouble() * (photo.Height - h));
            photo.Crop(new MagickGeometry(left, top, w, h));
            photo.ResetPage();
            photo.Modulate(new Percentage(88 + random.NextDouble() * 24), new Percentage(90 + random.NextDouble() * 20), new Percentage(100));
            var warmth = random.NextDouble() * 0.08 - 0.04;
            photo.Evaluate(Channels.Red, EvaluateOperator.Multiply, 1 + warmth);
            photo.Evaluate(Channels.Blue, EvaluateOperator.Multiply, 1 - warmth);
            var shortEdge = 820 + random.Next(0, 300);
            var s = shortEdge / (double)Math.Min(photo.Width, photo.Height);
            photo.FilterType = FilterType.Lanczos;
            photo.Resize((uint)Math.Round(photo.Width * s), (uint)Math.Round(photo.Height * s));
            photo.Strip();
            photo.Quality = (uint)random.Next(70, 96);
            photos.Add(($"selfie-{(i + 1).ToString("00", CultureInfo.InvariantCulture)}.jpg", photo.ToByteArray(MagickFormat.Jpeg)));
        }
        return photos;
    }
}
