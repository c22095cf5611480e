using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;

namespace Headshots.Engines.Retouch;

/// <summary>What a skin region looks like, as numbers: fine texture, blotchiness and dark spots.</summary>
/// <param name="HighFrequency">RMS of luma minus its 3×3 mean: pores and fine texture (0 = plastic).</param>
/// <param name="Unevenness">Median depth of the blotchy band (fine minus coarse skin blur): uneven tone.</param>
/// <param name="Spots">The "ink" of round, freckle-sized dark blobs on the skin (<see cref="SkinTexture.SpotEnergy"/>).</param>
public sealed record SkinTextureReport(double HighFrequency, double Unevenness, double Spots);

/// <summary>
/// Measures of a skin region, on Rec. 709 luma in 8-bit levels, over the mask's interior (a couple of pixels in
/// from its edge, so lashes and the hairline do not count as texture). Spatial scales follow the inter-ocular
/// distance, so a face measures the same at any image size.
/// </summary>
public static class SkinTexture
{
    /// <summary>All three measures of the skin of <paramref name="landmarks"/>' face.</summary>
    public static SkinTextureReport Measure(RgbImage image, FaceLandmarks landmarks)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(landmarks);
        var skin = FaceRegionMasks.From(landmarks, image.Width, image.Height).Skin;
        var interOcular = System.Numerics.Vector2.Distance(landmarks.RightEyeCentre, landmarks.LeftEyeCentre);
        return new SkinTextureReport(HighFrequencyEnergy(image, skin), Unevenness(image, skin, interOcular), SpotEnergy(image, skin, interOcular));
    }

    /// <summary>Fine texture: RMS of luma minus its 3×3 mean inside the mask.</summary>
    public static double HighFrequencyEnergy(RgbImage image, byte[] mask)
    {
        var region = Region.Of(image, mask);
        return region is null ? 0 : Detail(region.Luma, region.Interior, region.Width, region.Height);
    }

    /// <summary>
    /// Blotchiness: the median depth (levels) of the band between a skin blur at 0.08 and one at 0.25 × the
    /// inter-ocular distance, inside the mask. The median is the typical blotch; the deep shadows that model the
    /// face (and that a retouch must keep) sit in the tail.
    /// </summary>
    public static double Unevenness(RgbImage image, byte[] mask, double interOcular)
    {
        var region = Region.Of(image, mask);
        if (region is null)
        {
            return 0;
        }

        var (w, h) = (region.Width, region.Height);
        var fine = Blur.Normalised(region.Luma, region.Hard, w, h, 0.08f * (float)interOcular);
        var coarse = Blur.Normalised(region.Luma, region.Hard, w, h, 0.25f * (float)interOcular);
        var depths = new List<float>();
        for (var i = 0; i < fine.Length; i++)
        {
            if (region.Interior[i] != 0) depths.Add(Math.Abs(fine[i] - coarse[i]));
        }

        if (depths.Count == 0)
        {
            return 0;
        }

        depths.Sort();
        return depths[depths.Count / 2];
    }

    /// <summary>Darker than its surroundings by this many levels (after the spot blur) is a spot, not texture.</summary>
    public const double SpotContrast = 2.5;

    /// <summary>
    /// Freckles and blemishes: the mean, over the mask, of how far round freckle-sized dark blobs sit below the skin
    /// around them beyond <see cref="SpotContrast"/> levels — the "ink" of the spots, which grows with their number,
    /// size and darkness, and is 0 for clear skin.
    /// </summary>
    public static double SpotEnergy(RgbImage image, byte[] mask, double interOcular)
    {
        var region = Region.Of(image, mask);
        if (region is null)
        {
            return 0;
        }

        var darkness = SpotDarkness(region.Luma, region.Hard, region.Width, region.Height, (float)interOcular);
        double sum = 0, weight = 0;
        for (var i = 0; i < darkness.Length; i++)
        {
            sum += region.Interior[i] * Math.Max(0, darkness[i] - SpotContrast);
            weight += region.Interior[i];
        }

        return weight > 0 ? sum / weight : 0;
    }

    /// <summary>RMS of luma minus its 3×3 mean, weighted.</summary>
    internal static double Detail(float[] luma, float[] weights, int width, int height)
    {
        var mean = BoxBlur.Mean(luma, width, height, 1);
        double sum = 0, total = 0;
        for (var i = 0; i < luma.Length; i++)
        {
            var d = luma[i] - mean[i];
            sum += weights[i] * d * d;
            total += weights[i];
        }

        return total > 0 ? Math.Sqrt(sum / total) : 0;
    }

    /// <summary>
    /// How much darker each pixel's freckle-scale neighbourhood is than the skin around it (positive = darker), kept
    /// only where the dark patch is round: a band-pass between a blur just above pore size and a skin-only blur a few
    /// freckles wide, times a blob measure from the Hessian so wrinkles and creases (dark lines) are not spots.
    /// </summary>
    internal static float[] SpotDarkness(float[] luma, float[] skin, int width, int height, float interOcular)
    {
        var (spot, surround) = SpotScales(interOcular);
        var small = Blur.Gaussian(luma, width, height, spot);
        var local = Blur.Normalised(luma, skin, width, height, surround);
        var darkness = new float[luma.Length];
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = (y * width) + x;
                var d = local[i] - small[i];
                if (d <= 0) continue;
                darkness[i] = d * Roundness(small, i, width);
            }
        }

        return darkness;
    }

    /// <summary>
    /// 1 for a round dark dip, 0 for a dark line or a slope: the ratio of the Hessian's two curvatures, both of which
    /// are upwards at the bottom of a dip and only one of which is along a crease.
    /// </summary>
    static float Roundness(float[] g, int i, int width)
    {
        var dxx = g[i + 1] - (2 * g[i]) + g[i - 1];
        var dyy = g[i + width] - (2 * g[i]) + g[i - width];
        var dxy = (g[i + width + 1] - g[i + width - 1] - g[i - width + 1] + g[i - width - 1]) / 4;
        var half = (dxx + dyy) / 2;
        var spread = MathF.Sqrt((((dxx - dyy) / 2) * ((dxx - dyy) / 2)) + (dxy * dxy));
        var strong = half + spread;
        var weak = half - spread;
        if (strong <= 1e-4f || weak <= 0)
        {
            return 0;
        }

        return Math.Clamp(weak / strong / 0.35f, 0, 1);
    }

    /// <summary>The blur sizes of the spot band-pass: above pores (a pixel or two), below the face's shading.</summary>
    internal static (float Spot, float Surround) SpotScales(float interOcular) =>
        (Math.Max(1f, 0.01f * interOcular), Math.Max(3f, 0.06f * interOcular));

    /// <summary>The mask's bounding box as luma, the hard mask, and its interior (2 px in from the edge).</summary>
    sealed record Region(int Width, int Height, float[] Luma, float[] Hard, float[] Interior)
    {
        public static Region? Of(RgbImage image, byte[] mask)
        {
            ArgumentNullException.ThrowIfNull(image);
            ArgumentNullException.ThrowIfNull(mask);
            if (mask.Length != image.Width * image.Height)
            {
                throw new ArgumentException($"The mask has {mask.Length} values; the image has {image.Width * image.Height} pixels.", nameof(mask));
            }

            int left = image.Width, top = image.Height, right = -1, bottom = -1;
            for (var y = 0; y < image.Height; y++)
            {
                for (var x = 0; x < image.Width; x++)
                {
                    if (mask[(y * image.Width) + x] == 0) continue;
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                }
            }

            if (right < 0)
            {
                return null;
            }

            // A margin so the blurs see the mask's edge as an edge, not the border of the box.
            left = Math.Max(0, left - 3);
            top = Math.Max(0, top - 3);
            right = Math.Min(image.Width - 1, right + 3);
            bottom = Math.Min(image.Height - 1, bottom + 3);
            var (w, h) = (right - left + 1, bottom - top + 1);
            var luma = new float[w * h];
            var hard = new float[w * h];
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var source = ((top + y) * image.Width) + left + x;
                    var p = source * 3;
                    luma[(y * w) + x] = FacePatch.Luma(image.Pixels[p], image.Pixels[p + 1], image.Pixels[p + 2]);
                    hard[(y * w) + x] = mask[source] != 0 ? 1 : 0;
                }
            }

            var near = BoxBlur.Mean(hard, w, h, 2);
            var interior = new float[w * h];
            for (var i = 0; i < interior.Length; i++)
            {
                interior[i] = near[i] > 0.999f ? 1 : 0;
            }

            return new Region(w, h, luma, hard, interior);
        }
    }
}
