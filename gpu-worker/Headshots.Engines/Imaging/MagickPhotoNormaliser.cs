using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Safe decoding of untrusted uploads: the format is identified by content and the decoder forced to it, the
/// declared size is checked before a single pixel is decoded, decoding runs under a time limit, and the working
/// copy is oriented, 8-bit sRGB, bounded in size and stripped of every metadata block.
/// </summary>
public sealed class MagickPhotoNormaliser : IPhotoNormaliser
{
    public MagickPhotoNormaliser() => MagickResourceGuard.EnsureApplied();

    public NormalisedPhoto Normalise(byte[] upload, PhotoLimits limits, CancellationToken cancellationToken) =>
        Safely(upload, limits, limits.NormalisedLongEdge, (image, decoded) => WorkingCopy(image, decoded, limits.NormalisedLongEdge), cancellationToken);

    public RgbImage DecodeForDelivery(byte[] upload, PhotoLimits limits, int maxLongEdge, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLongEdge);
        return Safely(upload, limits, maxLongEdge, (image, _) =>
        {
            JpegEncoder.FitWithin(image, (uint)maxLongEdge, FilterType.Triangle);
            return RgbImage.FromMagick(image);
        }, cancellationToken);
    }

    /// <summary>Every check on the upload, then <paramref name="finish"/> on the decoded, oriented sRGB picture, under the decode deadline.</summary>
    /// <param name="longEdge">The size the result is wanted at: a large JPEG is decoded no larger than it needs.</param>
    static T Safely<T>(byte[] upload, PhotoLimits limits, int longEdge, Func<MagickImage, Decoded, T> finish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(limits);
        if (upload.Length == 0) throw PhotoRejections.Empty();
        if (upload.Length > limits.MaxBytes) throw PhotoRejections.TooManyBytes(upload.Length, limits.MaxBytes);
        var sniffed = ImageFormatSniffer.Detect(upload);
        if (sniffed.Format is not { } format)
        {
            throw sniffed.IsImage ? PhotoRejections.UnsupportedFormat(sniffed.Description) : PhotoRejections.NotAnImage(sniffed.Description);
        }
        if (format == MagickFormat.Jpeg && !JpegMarkers.Read(upload).IsComplete) throw PhotoRejections.Truncated(sniffed.Description);

        // The hand-read header first: a bomb is refused before any native code parses it.
        if (DeclaredSize.Read(upload, format) is var (declaredWidth, declaredHeight)) CheckSize(declaredWidth, declaredHeight, limits);
        cancellationToken.ThrowIfCancellationRequested();
        return WithDeadline(() =>
        {
            var (image, decoded) = Decode(upload, format, limits, longEdge, sniffed.Description);
            using (image)
            {
                return finish(image, decoded);
            }
        }, limits.DecodeTimeout, cancellationToken);
    }

    /// <summary>What is known of the upload itself once decoded.</summary>
    sealed record Decoded(string Description, int SourceWidth, int SourceHeight);

    static NormalisedPhoto WorkingCopy(MagickImage image, Decoded decoded, int longEdge)
    {
        // An area filter: the working copy is analysed and later recomposed, never delivered as it is, and on a
        // 12 MP upload it is three times faster than Lanczos, which is most of intake's time.
        JpegEncoder.FitWithin(image, (uint)longEdge, FilterType.Triangle);
        var jpeg = JpegEncoder.EncodeWorkFile(image, 92);
        return new NormalisedPhoto(jpeg, (int)image.Width, (int)image.Height, decoded.Description, decoded.SourceWidth, decoded.SourceHeight,
            MagickQualityMeter.Measure(image), Preview(image, PreviewLongEdge));
    }


    /// <summary>
    /// ImageMagick cannot be interrupted: a decode that overruns is abandoned (the image time limit of
    /// <see cref="MagickResourceGuard"/> ends it later) and the photo refused, so a hostile file never holds the
    /// caller past the deadline. A thread of its own, not the pool's, so a busy pool cannot eat into the deadline
    /// and an abandoned decode holds no pool thread.
    /// </summary>
    static T WithDeadline<T>(Func<T> decode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var decoder = new Thread(() =>
        {
            try
            {
                outcome.SetResult(decode());
            }
            catch (Exception e)
            {
                outcome.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "photo-decode",
        };
        decoder.Start();
        bool finished;
        try
        {
            finished = outcome.Task.Wait((int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue), cancellationToken);
        }
        catch (AggregateException)
        {
            finished = true; // faulted: rethrown unwrapped below
        }
        if (!finished) throw PhotoRejections.TookTooLong(timeout);
        return outcome.Task.GetAwaiter().GetResult();
    }

    static MagickImageInfo Ping(byte[] upload, MagickReadSettings settings, string description)
    {
        try
        {
            return new MagickImageInfo(upload, settings);
        }
        catch (MagickException)
        {
            throw PhotoRejections.Damaged(description);
        }
    }

    static void CheckSize(uint width, uint height, PhotoLimits limits)
    {
        if (width == 0 || height == 0) throw PhotoRejections.TooSmall(width, height, limits.MinShortEdge);
        if (width > limits.MaxDimension || height > limits.MaxDimension || (long)width * height > limits.MaxPixels)
        {
            throw PhotoRejections.TooManyPixels(width, height, limits);
        }
        if (Math.Min(width, height) < limits.MinShortEdge) throw PhotoRejections.TooSmall(width, height, limits.MinShortEdge);
    }

    static (MagickImage Image, Decoded Decoded) Decode(byte[] upload, MagickFormat format, PhotoLimits limits, int longEdge, string description)
    {
        // The decoder is forced to the sniffed format: ImageMagick never gets to guess (and pick a risky coder).
        var settings = new MagickReadSettings { Format = format, FrameIndex = 0, FrameCount = 1 };
        // Formats whose size we do not read by hand (and a second opinion for the rest): the decoder's header
        // parse, still without pixels.
        var info = Ping(upload, settings, description);
        CheckSize(info.Width, info.Height, limits);

        // A large JPEG is decoded straight at half (or a quarter…) size by the JPEG decoder's own DCT scaling,
        // when that still leaves at least three quarters of the working size: a 12 MP photo decodes three times
        // faster and needs no resize pass, which together are most of intake's time.
        var denominator = format == MagickFormat.Jpeg ? JpegDenominator(Math.Max(info.Width, info.Height), longEdge) : 1;
        if (denominator > 1)
        {
            settings.SetDefine(MagickFormat.Jpeg, "size", $"{info.Width / denominator}x{info.Height / denominator}");
        }

        var image = new MagickImage();
        try
        {
            return (Read(image, upload, settings, info, denominator, limits, description), new Decoded(description, (int)info.Width, (int)info.Height));
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    static MagickImage Read(MagickImage image, byte[] upload, MagickReadSettings settings, MagickImageInfo info, uint denominator, PhotoLimits limits, string description)
    {
        var endedEarly = false;
        // libjpeg and libpng report a cut-off file as a warning and hand back a half-grey picture.
        image.Warning += (_, e) => endedEarly |= e.Message.Contains("Premature end", StringComparison.OrdinalIgnoreCase);
        try
        {
            image.Read(upload, settings);
        }
        catch (MagickException)
        {
            throw PhotoRejections.Damaged(description);
        }
        if (endedEarly) throw PhotoRejections.Truncated(description);
        // The decoder must agree with the header that was checked; anything else is a forged file.
        if (denominator > 1)
        {
            if (Math.Abs(image.Width - Scaled(info.Width, denominator)) > 1 || Math.Abs(image.Height - Scaled(info.Height, denominator)) > 1)
            {
                throw PhotoRejections.Damaged(description);
            }
        }
        else
        {
            CheckSize(image.Width, image.Height, limits);
        }

        image.AutoOrient();
        ColourConversion.ToSrgb(image);
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
            image.Alpha(AlphaAction.Off);
        }
        return image;
    }

    /// <summary>1, 2, 4 or 8: the largest DCT scaling that keeps the long edge at three quarters of the working size.</summary>
    static uint JpegDenominator(uint longEdge, int workingEdge)
    {
        uint denominator = 1;
        while (denominator < 8 && longEdge / (denominator * 2) >= workingEdge * 3 / 4)
        {
            denominator *= 2;
        }
        return denominator;
    }

    static long Scaled(uint size, uint denominator) => (size + denominator - 1) / denominator;

    /// <summary>The long edge of <see cref="NormalisedPhoto.Preview"/>: the face analysis size.</summary>
    public const int PreviewLongEdge = 1024;

    static RgbImage Preview(MagickImage image, int longEdge)
    {
        using var preview = (MagickImage)image.Clone();
        JpegEncoder.FitWithin(preview, (uint)longEdge, FilterType.Triangle);
        return RgbImage.FromMagick(preview);
    }
}
