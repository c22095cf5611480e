using Headshots.Engines;
using Headshots.Engines.Edits;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Looks;
using Headshots.Engines.Onnx;
using Headshots.Engines.Retouch;
using Headshots.Engines.Segmentation;
using Headshots.Jobs.Looks;
using ImageMagick;

namespace Headshots.GpuWorker.Tests.Support;

/// <summary>
/// The real engines on the prepared models (.cache/models) and the sample astronaut portrait (.cache/samples) with
/// <see cref="WeaveChart"/>'s weave woven into the suit, made once per run: the fine detail a full-resolution
/// delivery keeps and a 1024 px one loses.
/// </summary>
internal static class WovenHeadshots
{
    private static readonly Lazy<OnnxModels> Models = new(() =>
    {
        var folder = Repository.Combine(".cache", "models");
        // Missing models must fail loudly: a skipped suite looks green and tests nothing.
        Assert.True(File.Exists(Path.Combine(folder, $"{ModelIds.FaceEmbedding}.json")), $"The ONNX models are missing from {folder}. Run: ./headshots models fetch");
        return new OnnxModels(new OnnxSettings(folder, "cpu", IntraOpThreads: 2));
    });

    public static FaceAnalyser Faces { get; } = FaceAnalyser.On(Models.Value);

    public static SelfieSegmenter Segmenter { get; } = new(Models.Value);

    public static ModelHeadshotComposer Composer { get; } = new(Faces, Segmenter);

    public static LandmarkFaceEnhancer Enhancer { get; } = new(Faces);

    public static ModelHeadshotEditor Editor { get; } = new(Faces, Segmenter);

    public static EditMaskBuilder Masks { get; } = new(Faces, Segmenter);

    private static readonly Lazy<byte[]> TwelveMegapixelPhoto = new(() => WeaveChart.OnClothing(Astronaut(3464, 3464)));

    private static readonly Lazy<Candidate> NativeRender = new(() =>
        Composer.RenderForDelivery(RgbImage.Decode(Photo, int.MaxValue), LookCatalog.CorporateGrey, 0, new RenderOptions().LanczosUpTo, CancellationToken.None).ToCandidate());

    /// <summary>The astronaut enlarged to 3464² (12 MP) with the weave, 3 photo pixels apart, in the suit.</summary>
    public static byte[] Photo => TwelveMegapixelPhoto.Value;

    /// <summary>The corporate-grey headshot (variant 0) rendered from <see cref="Photo"/> at its frame's own resolution, unretouched.</summary>
    public static Candidate Render => NativeRender.Value;

    /// <summary>The sample portrait stretched to <paramref name="width"/> × <paramref name="height"/> (Lanczos), as a JPEG.</summary>
    public static byte[] Astronaut(int width, int height)
    {
        using var image = new MagickImage(File.ReadAllBytes(Repository.Combine(".cache", "samples", "astronaut.png")));
        image.Alpha(AlphaAction.Remove);
        image.FilterType = FilterType.Lanczos;
        image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
        return JpegEncoder.Encode(image, 92);
    }

    /// <summary>How much of the weave an image shows (<see cref="WeaveChart.Correlation"/>) at <paramref name="period"/> of its pixels.</summary>
    public static double Weave(byte[] jpeg, double period) => WeaveChart.Correlation(RgbImage.Decode(jpeg, WeaveChart.FullSize), period);

    /// <summary>The weave's period in a render of <paramref name="width"/> px from a frame <paramref name="frameWidth"/> photo pixels wide.</summary>
    public static double PeriodAt(int width, double frameWidth) => WeaveChart.Period * width / frameWidth;

    /// <summary>An image's size as its file declares it.</summary>
    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        var info = new MagickImageInfo(encoded);
        return ((int)info.Width, (int)info.Height);
    }
}
