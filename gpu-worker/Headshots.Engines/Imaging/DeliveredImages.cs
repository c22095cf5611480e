using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// The delivered files of a full-size image: the image itself and its web copy and thumbnail. The Linux build of
/// Magick.NET has no OpenMP, so the one parallel step is ours: the full-size file is encoded while the smaller copies
/// are made from it.
/// </summary>
internal static class DeliveredImages
{
    public const uint WebLongEdge = 1080;

    /// <summary>Quality of the delivered full-size JPEG: visually lossless at 16 MP, about a third the size of 100.</summary>
    public const uint FullQuality = 92;
    public const uint ThumbnailLongEdge = 480;

    public static DeliveredImage Encode(MagickImage image)
    {
        using var small = (MagickImage)image.Clone();
        byte[] full = [], web = [], thumbnail = [];
        Parallel.Invoke(
            () => full = JpegEncoder.Encode(image, FullQuality, subsampleChroma: true, embedSrgbProfile: true),
            () =>
            {
                JpegEncoder.FitWithin(small, WebLongEdge);
                web = JpegEncoder.Encode(small, 85, subsampleChroma: true, embedSrgbProfile: true);
                JpegEncoder.FitWithin(small, ThumbnailLongEdge);
                thumbnail = JpegEncoder.Encode(small, 80, subsampleChroma: true, embedSrgbProfile: true);
            });
        return new DeliveredImage(full, (int)image.Width, (int)image.Height, web, thumbnail);
    }
}
