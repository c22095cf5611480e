using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Looks;

/// <summary>
/// The local generate engine: frames head-and-shoulders from the face mesh, cuts the person out with the selfie
/// segmenter, puts them on the look's own backdrop and grades the whole to the look. A photo without a face gets
/// the classical crop-and-grade instead of a failure. A tilted head is turned level first (<see cref="HeadRoll"/>).
/// </summary>
public sealed class ModelHeadshotComposer(FaceAnalyser faces, IPersonSegmenter segmenter) : IHeadshotComposer
{
    /// <summary>Photos are read at most this large: twice the output's long edge is plenty for any crop of them.</summary>
    const int WorkingEdge = 2 * ClassicalHeadshotComposer.LongEdge;

    readonly ClassicalHeadshotComposer fallback = new();

    /// <summary>Whether a tilted head is turned level; off only to compare with the photo framed as it is.</summary>
    internal bool Straighten { get; init; } = true;

    public Candidate Compose(byte[] sourceJpeg, LookPreset look, int variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceJpeg);
        ArgumentNullException.ThrowIfNull(look);
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        var source = RgbImage.Decode(sourceJpeg, WorkingEdge);
        var face = MainFace.Locate(faces, source);
        if (face is null)
        {
            return fallback.Compose(sourceJpeg, look, variant, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (width, height) = ClassicalHeadshotComposer.OutputSize(look.Aspect);
        var frame = Straighten
            ? PortraitFraming.Levelled(face, source.Width, source.Height, look.Aspect, variant)
            : PortraitFraming.Frame(face, source.Width, source.Height, look.Aspect, variant);
        var framed = FramedPortrait.Render(source, frame, width, height);
        var framedFace = MainFace.Map(face, p => frame.ToOutput(p, width), (float)(width / frame.Width));
        var mask = framed.Confine(segmenter.Segment(framed.Image));
        cancellationToken.ThrowIfCancellationRequested();

        var head = MainFace.Head(framedFace);
        var backdrop = Backdrop.ForLook(look, width, height, head, Grain.Estimate(framed.Image, mask), variant);
        var options = new CompositeOptions(Subject: SubjectMatch.For(look, framed.Image, framedFace, backdrop));
        var composite = BackgroundCompositor.Composite(framed.Image, mask, backdrop, head, options);
        cancellationToken.ThrowIfCancellationRequested();

        using var image = GradingTable.Apply(composite, look).ToMagick();
        var measurements = MagickQualityMeter.Measure(image);
        return new Candidate(JpegEncoder.Encode(image, 92), width, height, measurements);
    }
}
