using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Segmentation;
using Headshots.Jobs.Edits;

namespace Headshots.Engines.Edits;

/// <summary>
/// The local refine editor: recolours the clothes and replaces the background of a finished headshot, at its own
/// size. A background change goes through the same compositor as generate, without any subject grade, so the
/// person's pixels stay exactly as they were. Without a face there is nothing to tell clothes from skin and hair
/// by, so a clothes change is then left out; the background still changes.
/// </summary>
public sealed class ModelHeadshotEditor(FaceAnalyser faces, IPersonSegmenter segmenter) : IHeadshotEditor
{
    /// <summary>Headshots are edited at their size; this only guards against a huge upload.</summary>
    const int MaxEdge = 8192;

    public Candidate Edit(byte[] jpeg, EditColour? clothes, BackgroundChoice? background, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var image = RgbImage.Decode(jpeg, MaxEdge);
        if (clothes is not null || background is not null)
        {
            var face = MainFace.Locate(faces, image);
            cancellationToken.ThrowIfCancellationRequested();
            var mask = segmenter.Segment(image);
            cancellationToken.ThrowIfCancellationRequested();
            var original = image;
            if (clothes is not null && face is not null)
            {
                image = ClothesRecolour.Apply(image, ClothingMask.Compute(image, mask, face), clothes);
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (background is not null)
            {
                var head = face is null ? HeadPosition.Assumed(image.Width, image.Height) : MainFace.Head(face);
                // The backdrop is estimated from the unedited photo, so a recolour never leaks into a blurred background.
                var backdrop = Backdrop.For(background, original, mask, head);
                var options = new CompositeOptions(ContactShadow: background.Kind == BackgroundKind.Blur ? 0f : 0.3f);
                image = BackgroundCompositor.Composite(image, mask, backdrop, head, options, intoBackdrop: true);
            }
        }

        using var magick = image.ToMagick();
        var measurements = MagickQualityMeter.Measure(magick);
        return new Candidate(JpegEncoder.EncodeWorkFile(magick, 92), image.Width, image.Height, measurements);
    }
}
