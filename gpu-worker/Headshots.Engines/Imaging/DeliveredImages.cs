using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// The delivered files of a full-size image: the image itself and its web copy and thumbnail. The Linux build of
/// Magick.NET has no OpenMP, so the one parallel step is ours: the full-size file is encoded while the smaller copies
/// are made from it.
/// </summary>
internal static class DeliveredImages
{
    public const uint WebLongEdge = 1600;
    public const uint ThumbnailLongEdge = 480;

    public static DeliveredImage Encode(MagickImage image)
    {
        using var small = (MagickImage)image.Clone();
        byte[] full = [], web = [], thumbnail = [];
        Parallel.Invoke(
            () => full = JpegEncoder.Encode(image, 90, subsampleChroma: true),
            () =>
            {
                JpegEncoder.FitWithin(small, WebLongEdge);
                web = JpegEncoder.Encode(small, 85, subsampleChroma: true);
                JpegEncoder.FitWithin(small, ThumbnailLongEdge);
                thumbnail = JpegEncoder.Encode(small, 80, subsampleChroma: true);
            });
        return new DeliveredImage(full, (int)image.Width, (int)image.Height, web, thumbnail);
    }
}
