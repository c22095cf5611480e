using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Generation;

/// <summary>
/// One of the person's photos as a generative model should see it: head and shoulders, the head turned level, at
/// the photo's own resolution up to <see cref="MaxWidth"/> (never the 256 px identity chips, which lose the hair,
/// the neckline and the skin's texture the model is asked to keep).
/// </summary>
public static class ReferenceCrop
{
    /// <summary>1024 × 1280: as wide as the models' own portrait output, so nothing is enlarged for them.</summary>
    public const int MaxWidth = 1024;

    static readonly AspectRatio Aspect = AspectRatio.Portrait4x5;

    /// <summary>The JPEG (quality 95) of the crop; a photo without a findable face is sent whole, downsized.</summary>
    public static (byte[] Jpeg, int Width, int Height, bool FaceFound) Render(byte[] photo, FaceAnalyser? faces)
    {
        var source = RgbImage.Decode(photo, 3 * MaxWidth);
        var face = faces is null ? null : MainFace.Locate(faces, source);
        if (face is null)
        {
            var scale = Math.Min(1.0, MaxWidth / (double)Math.Max(source.Width, source.Height) * 1.25);
            var whole = scale < 1 ? source.Resized((int)(source.Width * scale), (int)(source.Height * scale)) : source;
            using var plain = whole.ToMagick();
            return (JpegEncoder.Encode(plain, 95), whole.Width, whole.Height, false);
        }

        var frame = PortraitFraming.Levelled(face, source.Width, source.Height, Aspect, 0);
        var width = (int)Math.Min(MaxWidth, Math.Round(frame.Width));
        width -= width % Aspect.Width;
        var height = width / Aspect.Width * Aspect.Height;
        var framed = FramedPortrait.Render(source, frame, width, height);
        using var image = framed.Image.ToMagick();
        return (JpegEncoder.Encode(image, 95), width, height, true);
    }
}
