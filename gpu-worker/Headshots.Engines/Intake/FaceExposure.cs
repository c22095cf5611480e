using System.Drawing;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Intake;

/// <summary>Sharpness and exposure measured on the face alone, so a bright wall or a dark coat does not decide.</summary>
public sealed record FaceExposure(double Sharpness, double MeanLuma, double Clipped, double Crushed)
{
    // Small enough that a face photographed at modest resolution shows its real detail, large enough for pores to
    // count less than eyes, lashes and hair: what "in focus" means for a headshot.
    private const int SampleWidth = 128;

    /// <summary>The central part of the face box (forehead to chin, cheek to cheek), scaled to a fixed width.</summary>
    public static FaceExposure Measure(RgbImage image, RectangleF face)
    {
        var inner = RectangleF.Inflate(face, -face.Width * 0.15f, -face.Height * 0.1f);
        var region = Rectangle.Intersect(Rectangle.Round(inner), new Rectangle(0, 0, image.Width, image.Height));
        if (region.Width < 4 || region.Height < 4)
        {
            return new FaceExposure(0, 0, 0, 0);
        }

        var crop = Crop(image, region);
        var height = Math.Max(4, (int)Math.Round(SampleWidth * (double)region.Height / region.Width));
        var sample = crop.Resized(SampleWidth, height);
        var measured = MagickQualityMeter.FromRgb(sample.Pixels, sample.Width, sample.Height);
        return new FaceExposure(measured.Sharpness, measured.MeanLuma, measured.ClippedHighlights, measured.CrushedShadows);
    }

    private static RgbImage Crop(RgbImage image, Rectangle region)
    {
        var pixels = new byte[region.Width * region.Height * 3];
        for (var y = 0; y < region.Height; y++)
        {
            Buffer.BlockCopy(image.Pixels, (((region.Y + y) * image.Width) + region.X) * 3, pixels, y * region.Width * 3, region.Width * 3);
        }

        return new RgbImage(region.Width, region.Height, pixels);
    }
}
