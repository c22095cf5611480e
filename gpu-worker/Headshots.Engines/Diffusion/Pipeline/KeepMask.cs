using Headshots.Engines.Edits;
using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// What of the reference survives the diffusion, at the run's size: 1 where the source's pixels are kept exactly
/// (the face and hair), 0 where the model paints, in between on a feathered edge where the two are blended.
/// </summary>
public sealed record KeepMask(int Width, int Height, float[] Keep)
{
    public float[] Keep { get; } = Keep.Length == Width * Height && Keep.All(k => k is >= 0 and <= 1)
        ? Keep
        : throw new ArgumentException($"A {Width}×{Height} keep mask needs {Width * Height} values in [0, 1].");

    public float this[int x, int y] => Keep[(y * Width) + x];

    /// <summary>The share of the frame kept outright (value 1).</summary>
    public double KeptShare => Keep.Count(k => k >= 1) / (double)Keep.Length;

    /// <summary>The feather for a frame: about 1.5 % of the short side (16 px at 1024), at least 2.</summary>
    public static int FeatherFor(int width, int height) => Math.Max(2, Math.Min(width, height) / 64);

    /// <summary>1 on a hard kept region (non-zero bytes), fading to 0 over <paramref name="feather"/> pixels outside it.</summary>
    public static KeepMask Feathered(byte[] kept, int width, int height, int feather)
    {
        var grown = EditMaskMorphology.Dilate(kept, width, height, feather / 2);
        var floats = new float[grown.Length];
        for (var i = 0; i < grown.Length; i++) floats[i] = grown[i] / 255f;
        var soft = BoxBlur.Mean(floats, width, height, feather);
        var keep = new float[kept.Length];
        for (var i = 0; i < keep.Length; i++) keep[i] = kept[i] != 0 ? 1 : Math.Clamp(soft[i], 0, 1);
        return new KeepMask(width, height, keep);
    }

    /// <summary>
    /// An ellipse kept (centre and radii as fractions of the frame), feathered for the frame: a fixed region where no
    /// face analysis is wanted (the benchmark, tests of the pipeline itself).
    /// </summary>
    public static KeepMask Ellipse(int width, int height, double centreX, double centreY, double radiusX, double radiusY)
    {
        var kept = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var dx = (x + 0.5 - (centreX * width)) / (radiusX * width);
                var dy = (y + 0.5 - (centreY * height)) / (radiusY * height);
                if ((dx * dx) + (dy * dy) <= 1) kept[(y * width) + x] = 255;
            }
        }

        return Feathered(kept, width, height, FeatherFor(width, height));
    }

    /// <summary>
    /// The inpainting model's mask, 1 where it paints: everything not kept outright, so the feathered edge is painted
    /// too and the composite blends the source over it.
    /// </summary>
    public float[] ToPaintMask()
    {
        var paint = new float[Keep.Length];
        for (var i = 0; i < paint.Length; i++) paint[i] = Keep[i] >= 1 ? 0 : 1;
        return paint;
    }
}
