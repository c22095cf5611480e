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
