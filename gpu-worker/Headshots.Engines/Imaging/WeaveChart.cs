using System.Numerics;
using ImageMagick;

namespace Headshots.Engines.Imaging;

/// <summary>
/// A known fine pattern for measuring whether a delivered headshot keeps the photo's own detail: a fabric-like
/// weave (two crossed sinusoids, <see cref="Period"/> photo pixels apart) woven into the clothing of a test photo,
/// and its correlation with what a delivered image shows. For the tests and <c>bench shoot</c>, like
/// <see cref="SampleShootDeriver"/>.
/// </summary>
public static class WeaveChart
{
    /// <summary>The weave's period in the photo's pixels: resolved by a crop rendered at its own resolution, finer than a 1024 px candidate of a 12 MP photo can hold.</summary>
    public const double Period = 3.0;

    /// <summary>A long edge no photo reaches: decoded at full size (RgbImage.Decode doubles its limit, so not int.MaxValue).</summary>
    public const int FullSize = 1 << 16;

    /// <summary>How strongly the weave modulates the fabric's brightness (±).</summary>
    const double Depth = 0.3;

    /// <summary>Tiles the measure looks at, in delivered pixels: a dozen periods or more of the weave at delivered scale.</summary>
    const int Tile = 128;

    /// <summary>How far the levelling turn may have rotated the weave, in degrees, and the search step.</summary>
    const int MaxTurn = 8;

    /// <summary>
    /// The photo with the weave on the person's clothing: the saturated orange of the sample astronaut's suit (never
    /// skin, hair or the backdrop, which is replaced anyway), in the lower part of the photo.
    /// </summary>
    /// <param name="period">The weave's period in the photo's pixels; <see cref="Period"/> unless a measure needs another.</param>
    public static byte[] OnClothing(byte[] jpeg, int quality = 92, double period = Period)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2.0);
        var photo = RgbImage.Decode(jpeg, FullSize);
        var (w, h, p) = (photo.Width, photo.Height, photo.Pixels);
        Parallel.For(h / 3, h, y =>
        {
            var cy = Math.Cos(2 * Math.PI * y / period);
            for (var x = 0; x < w; x++)
            {
                var i = ((y * w) + x) * 3;
                var weight = Fabric(p[i], p[i + 1], p[i + 2]);
                if (weight <= 0) continue;
                var gain = 1 + (weight * Depth * (Math.Cos(2 * Math.PI * x / period) + cy) / 2);
                for (var c = 0; c < 3; c++) p[i + c] = (byte)Math.Clamp(Math.Round(p[i + c] * gain), 0, 255);
            }
        });
        using var image = photo.ToMagick();
        return JpegEncoder.Encode(image, (uint)quality);
    }

    /// <summary>How much a pixel is the orange suit: 0 for anything else, 1 well inside its colour.</summary>
    static double Fabric(byte r, byte g, byte b)
    {
        if (r < 90) return 0;
        var orange = Math.Min((r / (g + 1.0)) - 1.35, (g / (b + 1.0)) - 1.15);
        return Math.Clamp(orange / 0.3, 0, 1);
    }

    /// <summary>
    /// How much of the weave a delivered image shows, 0–1: in each tile of its lower two thirds, the correlation
    /// of the brightness with the best-placed weave of <paramref name="period"/> (the weave's period at the
    /// delivered scale; ±3 % and up to <see cref="MaxTurn"/>° turned are searched); the mean of the best
    /// <paramref name="tiles"/> tiles. A pure weave scores 1; pixels that do not follow it (blurred away, or
    /// replaced by invented texture) score near 0.
    /// </summary>
    public static double Correlation(RgbImage image, double period, int tiles = 8)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2.0);
        var (w, h) = (image.Width, image.Height);
        var luma = Luma.Plane(image.Pixels, w * h);

        var origins = new List<(int X, int Y)>();
        for (var y = h / 3; y + Tile <= h; y += Tile)
        {
            for (var x = 0; x + Tile <= w; x += Tile) origins.Add((x, y));
        }

        var scores = new double[origins.Count];
        Parallel.For(0, origins.Count, t => scores[t] = TileCorrelation(luma, w, origins[t].X, origins[t].Y, period));
        return scores.OrderDescending().Take(Math.Max(1, tiles)).DefaultIfEmpty(0).Average();
    }

    /// <summary>The weave's correlation in one tile: the two crossed sinusoids' Fourier magnitudes over the tile's energy, at the best turn and period.</summary>
    static double TileCorrelation(float[] luma, int width, int left, int top, double period)
    {
        const int n = Tile * Tile;
        var values = new float[n];
        double mean = 0;
        for (var y = 0; y < Tile; y++)
        {
            for (var x = 0; x < Tile; x++) mean += values[(y * Tile) + x] = luma[((top + y) * width) + left + x];
        }

        mean /= n;
        double energy = 0;
        for (var i = 0; i < n; i++)
        {
            values[i] -= (float)mean;
            energy += values[i] * values[i];
        }

        if (energy < 1e-6) return 0;
        var best = 0.0;
        var columns = new Complex[Tile];
        var rows = new Complex[Tile];
        foreach (var scale in (double[])[0.97, 1.0, 1.03])
        {
            var k = 2 * Math.PI / (period * scale);
            for (var turn = -MaxTurn; turn <= MaxTurn; turn++)
            {
                var (sin, cos) = Math.SinCos(turn * Math.PI / 180);
                var along = Magnitude(values, k * cos, k * sin, columns, rows);
                var across = Magnitude(values, -k * sin, k * cos, columns, rows);
                // A weave of the right phase explains (along² + across²)·2/n of the energy.
                best = Math.Max(best, Math.Sqrt(((along * along) + (across * across)) * 2 / (n * energy)));
            }
        }

        return Math.Min(1, best);
    }

    /// <summary>|Σ v·e^(−i(kx·x + ky·y))| over the tile, the phase split into a column and a row factor.</summary>
    static double Magnitude(float[] values, double kx, double ky, Complex[] columns, Complex[] rows)
    {
        for (var i = 0; i < Tile; i++)
        {
            columns[i] = Complex.FromPolarCoordinates(1, -kx * i);
            rows[i] = Complex.FromPolarCoordinates(1, -ky * i);
        }

        var sum = Complex.Zero;
        for (var y = 0; y < Tile; y++)
        {
            double re = 0, im = 0;
            var row = y * Tile;
            for (var x = 0; x < Tile; x++)
            {
                re += values[row + x] * columns[x].Real;
                im += values[row + x] * columns[x].Imaginary;
            }

            sum += new Complex(re, im) * rows[y];
        }

        return sum.Magnitude;
    }
}
