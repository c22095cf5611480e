using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.Engines.Looks;

/// <summary>
/// The local generate engine: frames head-and-shoulders from the face mesh, cuts the person out with the selfie
/// segmenter, puts them on the look's own backdrop and grades the whole to the look. A photo without a face gets
/// the classical crop-and-grade instead of a failure. A tilted head is turned level first (<see cref="HeadRoll"/>).
/// Candidates are composed at 1024 px for selection; a selected one is rendered again for delivery from the
/// full-resolution photo at the resolution its frame has there (<see cref="RenderForDelivery"/>): the same face,
/// frame and look, every step at that size (the segmenter's mask comes through its guided upsampler).
/// </summary>
public sealed class ModelHeadshotComposer(FaceAnalyser faces, IPersonSegmenter segmenter) : IHeadshotComposer, IDeliveryRenderer
{
    /// <summary>Photos are read at most this large to find the face and frame it: twice the candidate's long edge.</summary>
    const int WorkingEdge = 2 * ClassicalHeadshotComposer.LongEdge;

    readonly ClassicalHeadshotComposer fallback = new();

    /// <summary>Whether a tilted head is turned level; off only to compare with the photo framed as it is.</summary>
    internal bool Straighten { get; init; } = true;

    public Candidate Compose(byte[] sourceJpeg, LookPreset look, int variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceJpeg);
        var photo = new MagickImageInfo(sourceJpeg);
        var rendered = Render(RgbImage.Decode(sourceJpeg, WorkingEdge), (int)photo.Width, (int)photo.Height, null, look, variant, null, cancellationToken);
        return rendered?.ToCandidate() ?? fallback.Compose(sourceJpeg, look, variant, cancellationToken);
    }

    public DeliveryRender RenderForDelivery(RgbImage photo, LookPreset look, int variant, double lanczosUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (Render(photo.FitWithin(WorkingEdge), photo.Width, photo.Height, photo, look, variant, lanczosUpTo, cancellationToken) is { } rendered)
        {
            return rendered;
        }

        // No face to frame: the classical crop, at the candidate's size, from the photo as a file.
        byte[] jpeg;
        using (var image = photo.ToMagick())
        {
            jpeg = JpegEncoder.EncodeWorkFile(image, 95);
        }
        return new DeliveryRender(RgbImage.Decode(fallback.Compose(jpeg, look, variant, cancellationToken).Jpeg, int.MaxValue), null, null);
    }

    /// <param name="working">The photo at most <see cref="WorkingEdge"/> on its long edge: the face is found and the frame placed on it.</param>
    /// <param name="full">The photo's own pixels, for a delivery render; null for a candidate.</param>
    /// <param name="lanczosUpTo">Null: the candidate size; otherwise the delivery size (<see cref="RenderScale.For"/>).</param>
    /// <returns>Null when the photo has no face to frame.</returns>
    DeliveryRender? Render(RgbImage working, int photoWidth, int photoHeight, RgbImage? full, LookPreset look, int variant, double? lanczosUpTo,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        var face = MainFace.Locate(faces, working);
        if (face is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var frame = Straighten
            ? PortraitFraming.Levelled(face, working.Width, working.Height, look.Aspect, variant)
            : PortraitFraming.Frame(face, working.Width, working.Height, look.Aspect, variant);
        var toPhoto = Math.Max(photoWidth, photoHeight) / (double)Math.Max(working.Width, working.Height);
        var inPhoto = frame.Scaled(toPhoto);
        var origin = new CandidateSource(inPhoto.PhotoPixels(photoWidth, photoHeight), inPhoto.Width);
        var (width, height) = lanczosUpTo is { } upTo
            ? RenderScale.For(look.Aspect, inPhoto.Width, upTo)
            : ClassicalHeadshotComposer.OutputSize(look.Aspect);

        // The photo only as large as the render needs: one output pixel per photo pixel at most. A render of the
        // frame's own size takes the photo as it is (FramedPortrait then crops it, pixel for pixel).
        var (source, sourceFrame) = (working, frame);
        var needed = width / frame.Width;
        if (full is not null && needed > 1 && toPhoto > 1)
        {
            var edge = (int)Math.Ceiling(Math.Max(working.Width, working.Height) * Math.Min(needed, toPhoto));
            source = inPhoto.Width - width < 1 ? full : full.FitWithin(edge);
            sourceFrame = frame.Scaled(Math.Max(source.Width, source.Height) / (double)Math.Max(working.Width, working.Height));
            face = MainFace.Map(face, p => p * (float)(source.Width / (double)working.Width), (float)(source.Width / (double)working.Width));
        }

        var framed = FramedPortrait.Render(source, sourceFrame, width, height);
        var framedFace = MainFace.Map(face, p => sourceFrame.ToOutput(p, width), (float)(width / sourceFrame.Width));
        var mask = framed.Confine(segmenter.Segment(framed.Image));
        cancellationToken.ThrowIfCancellationRequested();

        var head = MainFace.Head(framedFace);
        var backdrop = Backdrop.ForLook(look, width, height, head, Grain.Estimate(framed.Image, mask), variant);
        var options = new CompositeOptions(Subject: SubjectMatch.For(look, framed.Image, framedFace, backdrop));
        var composite = BackgroundCompositor.Composite(framed.Image, mask, backdrop, head, options, intoBackdrop: true);
        cancellationToken.ThrowIfCancellationRequested();

        // The composite is this render's own: graded where it lies, with no second full-size image.
        return new DeliveryRender(GradingTable.Apply(composite, look, inPlace: true), origin, framedFace);
    }
}
