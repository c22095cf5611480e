using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Safe decoding of untrusted uploads: the format is identified by content, the declared size is checked before a
/// single pixel is decoded, decoding runs under a time limit, and the working copy is oriented, 8-bit sRGB,
/// bounded in size and stripped of every metadata block.
/// </summary>
public sealed class MagickPhotoNormaliser : IPhotoNormaliser
{
    public NormalisedPhoto Normalise(byte[] upload, PhotoLimits limits, CancellationToken cancellationToken)
    {
        if (upload.Length == 0) throw PhotoRejections.Empty();
        if (upload.Length > limits.MaxBytes) throw PhotoRejections.TooManyBytes(upload.Length, limits.MaxBytes);
        var sniffed = ImageFormatSniffer.Detect(upload);
        if (sniffed.Format is not { } format) throw PhotoRejections.NotAnImage(sniffed.Description);
        if (format == MagickFormat.Jpeg && !HasEndOfImage(upload)) throw PhotoRejections.Truncated(sniffed.Description);

        var settings = new MagickReadSettings { Format = format, FrameIndex = 0, FrameCount = 1 };
        MagickImageInfo info;
        try
        {
            info = new MagickImageInfo(upload, settings);
        }
        catch (MagickException)
        {
            throw PhotoRejections.Damaged(sniffed.Description);
        }
        if (info.Width == 0 || info.Height == 0) throw PhotoRejections.Damaged(sniffed.Description);
        if (info.Width > limits.MaxDimension || info.Height > limits.MaxDimension || (long)info.Width * info.Height > limits.MaxPixels)
        {
            throw PhotoRejections.TooManyPixels(info.Width, info.Height);
        }
        if (Math.Min(info.Width, info.Height) < limits.MinShortEdge) throw PhotoRejections.TooSmall(info.Width, info.Height, limits.MinShortEdge);

        // ImageMagick cannot be interrupted; a decode that overruns is abandoned and the photo refused.
        var decode = Task.Run(() => Decode(upload, settings, limits, sniffed.Description), cancellationToken);
        try
        {
            return decode.WaitAsync(limits.DecodeTimeout, cancellationToken).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw PhotoRejections.TookTooLong(limits.DecodeTimeout);
        }
    }

    static NormalisedPhoto Decode(byte[] upload, MagickReadSettings settings, PhotoLimits limits, string description)
    {
        MagickImage image;
        try
        {
            image = new MagickImage(upload, settings);
        }
        catch (MagickException)
        {
            throw PhotoRejections.Damaged(description);
        }
        using (image)
        {
            var (sourceWidth, sourceHeight) = ((int)image.Width, (int)image.Height);
            image.AutoOrient();
            if (image.ColorSpace == ColorSpace.CMYK || image.GetColorProfile() is not null)
            {
                // Converts from the embedded profile (or a default CMYK one) to sRGB before the profile is stripped.
                image.TransformColorSpace(image.ColorSpace == ColorSpace.CMYK && image.GetColorProfile() is null ? ColorProfiles.USWebCoatedSWOP : image.GetColorProfile()!, ColorProfiles.SRGB);
            }
            image.ColorSpace = ColorSpace.sRGB;
            image.Depth = 8;
            image.Alpha(AlphaAction.Remove);
            JpegEncoder.FitWithin(image, (uint)limits.NormalisedLongEdge);
            var measurements = MagickQualityMeter.Measure(image);
            var jpeg = JpegEncoder.Encode(image, 92);
            return new NormalisedPhoto(jpeg, (int)image.Width, (int)image.Height, description, sourceWidth, sourceHeight, measurements);
        }
    }

    /// <summary>A complete JPEG ends with the EOI marker (FF D9), give or take a few trailing bytes some cameras add.</summary>
    static bool HasEndOfImage(byte[] jpeg)
    {
        var tail = jpeg.AsSpan(Math.Max(0, jpeg.Length - 64));
        for (var i = tail.Length - 2; i >= 0; i--)
        {
            if (tail[i] == 0xFF && tail[i + 1] == 0xD9) return true;
        }
        return false;
    }
}
