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

    public NormalisedPhoto Normalise(byte[] upload, PhotoLimits limits, CancellationToken cancellationToken)
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
        return WithDeadline(() => Decode(upload, format, limits, sniffed.Description), limits.DecodeTimeout, cancellationToken);
    }

    /// <summary>
    /// ImageMagick cannot be interrupted: a decode that overruns is abandoned (the image time limit of
    /// <see cref="MagickResourceGuard"/> ends it later) and the photo refused, so a hostile file never holds the
    /// caller past the deadline. A thread of its own, not the pool's, so a busy pool cannot eat into the deadline
    /// and an abandoned decode holds no pool thread.
    /// </summary>
    static NormalisedPhoto WithDeadline(Func<NormalisedPhoto> decode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = new TaskCompletionSource<NormalisedPhoto>(TaskCreationOptions.RunContinuationsAsynchronously);
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

    static NormalisedPhoto Decode(byte[] upload, MagickFormat format, PhotoLimits limits, string description)
    {
        // The decoder is forced to the sniffed format: ImageMagick never gets to guess (and pick a risky coder).
        var settings = new MagickReadSettings { Format = format, FrameIndex = 0, FrameCount = 1 };
        // Formats whose size we do not read by hand (and a second opinion for the rest): the decoder's header
        // parse, still without pixels.
        var info = Ping(upload, settings, description);
        CheckSize(info.Width, info.Height, limits);

        using var image = new MagickImage();
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
        CheckSize(image.Width, image.Height, limits);

        var (sourceWidth, sourceHeight) = ((int)image.Width, (int)image.Height);
        image.AutoOrient();
        ColourConversion.ToSrgb(image);
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
            image.Alpha(AlphaAction.Off);
        }
        JpegEncoder.FitWithin(image, (uint)limits.NormalisedLongEdge);
        var jpeg = JpegEncoder.Encode(image, 92);
        return new NormalisedPhoto(jpeg, (int)image.Width, (int)image.Height, description, sourceWidth, sourceHeight, MagickQualityMeter.Measure(image));
    }
}
