using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// The delivered files of a full-size image: the image itself and its web copy and thumbnail, and on request the
/// image and its web copy again as WebP. The Linux build of Magick.NET has no OpenMP, so the one parallel step is ours:
/// each full-size file is encoded while the smaller copies are made from the same pixels.
/// </summary>
internal static class DeliveredImages
{
    public const uint WebLongEdge = 1080;

    /// <summary>Quality of the delivered full-size JPEG: visually lossless at 16 MP, about a third the size of 100.</summary>
    public const uint FullQuality = 92;

    /// <summary>Quality of the full-size WebP (lossy; libwebp's scale, not JPEG's).</summary>
    public const uint FullWebPQuality = 90;

    public const uint WebQuality = 85;
    public const uint ThumbnailLongEdge = 480;

    /// <param name="webP">Also encode the full-size image and the web copy as WebP.</param>
    /// <param name="pixels">
    /// <paramref name="image"/>'s pixels when the caller has them, or those of the smaller image it was enlarged from
    /// (at least the web copy's size): the web copy is then reduced from them by the managed, parallel Lanczos
    /// (<see cref="LanczosResampler"/>) instead of ImageMagick's single-threaded one, which took about 0.3 s of every
    /// 16 MP delivery.
    /// </param>
    public static DeliveredImage Encode(MagickImage image, bool webP = false, RgbImage? pixels = null)
    {
        using var small = pixels is null ? (MagickImage)image.Clone() : WebCopy(image, pixels);
        using var fullForWebP = webP ? (MagickImage)image.Clone() : null;
        byte[] full = [], web = [], thumbnail = [];
        byte[]? fullWebP = null, webWebP = null;
        List<Action> work =
        [
            () => full = JpegEncoder.Encode(image, FullQuality, subsampleChroma: true, embedSrgbProfile: true),
            () =>
            {
                JpegEncoder.FitWithin(small, WebLongEdge);
                web = JpegEncoder.Encode(small, WebQuality, subsampleChroma: true, embedSrgbProfile: true);
                if (webP) webWebP = WebPEncoder.Encode(small, WebQuality);
                JpegEncoder.FitWithin(small, ThumbnailLongEdge);
                thumbnail = JpegEncoder.Encode(small, 80, subsampleChroma: true, embedSrgbProfile: true);
            },
        ];
        if (fullForWebP is not null) work.Add(() => fullWebP = WebPEncoder.Encode(fullForWebP, FullWebPQuality));
        Parallel.Invoke([.. work]);
        return new DeliveredImage(full, (int)image.Width, (int)image.Height, web, thumbnail, fullWebP, webWebP);
    }

    /// <summary>
    /// The pixels at the web copy of <paramref name="image"/>'s size (the encoder's own <see cref="JpegEncoder.FitWithin"/>
    /// then leaves it as it is): the size is <paramref name="image"/>'s, which the pixels may miss by a pixel's rounding.
    /// </summary>
    static MagickImage WebCopy(MagickImage image, RgbImage pixels)
    {
        if (Math.Max(image.Width, image.Height) <= WebLongEdge)
        {
            return (MagickImage)image.Clone();
        }

        var (width, height) = RgbImage.SizeWithin((int)image.Width, (int)image.Height, (int)WebLongEdge);
        return LanczosResampler.Resize(pixels, width, height).ToMagick();
    }
}
