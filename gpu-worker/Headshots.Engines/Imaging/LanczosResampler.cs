using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Headshots.Engines.Imaging;

/// <summary>
/// Separable Lanczos-3 resampling of packed RGB, in fixed point, rows in parallel. ImageMagick's own resize is the
/// same filter but single-threaded here (the Linux build has no OpenMP) and in double precision per sample: the
/// 16 MP enlargement of every delivered headshot spent about a second in it.
/// </summary>
public static class LanczosResampler
{
    /// <summary>Lobes of the windowed sinc, as ImageMagick's Lanczos filter.</summary>
    const int Lobes = 3;

    /// <summary>Weights are integers scaled by 2^<see cref="Bits"/>: 8-bit samples times 14-bit weights stay far inside 32 bits.</summary>
    const int Bits = 14;

    /// <summary>
    /// <paramref name="source"/> at exactly <paramref name="width"/> × <paramref name="height"/> (the aspect ratio may
    /// change by the caller's choice). Reducing widens the filter by the reduction, so nothing aliases.
    /// </summary>
    public static RgbImage Resize(RgbImage source, int width, int height) => Resize(source, width, height, Lanczos, Lobes);

    /// <summary>
    /// The same with a triangle (tent) kernel, ImageMagick's Triangle: for reductions whose result is only looked at
    /// (a face to find, a frame to place), at about a third of the taps.
    /// </summary>
    public static RgbImage ReduceWithTriangle(RgbImage source, int width, int height) => Resize(source, width, height, Triangle, 1);

    static RgbImage Resize(RgbImage source, int width, int height, Func<double, double> kernel, int support)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((width, height) == (source.Width, source.Height))
        {
            return new RgbImage(width, height, (byte[])source.Pixels.Clone());
        }

        // Across first, into 8-bit rows as ImageMagick's Q8 intermediate, then down.
        var across = Taps.For(source.Width, width, kernel, support);
        var down = Taps.For(source.Height, height, kernel, support);
        // The intermediate is rented, not allocated: see ScratchArrays.
        var wide = ScratchArrays.Bytes.Rent(width * source.Height * 3);
        try
        {
            return Resize(source, width, height, across, down, wide);
        }
        finally
        {
            ScratchArrays.Bytes.Return(wide);
        }
    }

    static RgbImage Resize(RgbImage source, int width, int height, Taps across, Taps down, byte[] wide)
    {
        var src = source.Pixels;
        Parallel.For(0, source.Height, y =>
        {
            var input = src.AsSpan(y * source.Width * 3, source.Width * 3);
            var output = wide.AsSpan(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                var (start, count, offset) = across.Of(x);
                if ((start + count) * 3 < input.Length)
                {
                    // Each tap's R, G, B (and the next sample's first byte, weighted but dropped) as one vector.
                    var sum = Vector128<int>.Zero;
                    for (var k = 0; k < count; k++)
                    {
                        var sample = Vector128.CreateScalarUnsafe(MemoryMarshal.Read<uint>(input[((start + k) * 3)..])).AsByte();
                        sum += Vector128.WidenLower(Vector128.WidenLower(sample)).AsInt32() * across.Weights[offset + k];
                    }

                    output[x * 3] = Clamp(sum.GetElement(0));
                    output[(x * 3) + 1] = Clamp(sum.GetElement(1));
                    output[(x * 3) + 2] = Clamp(sum.GetElement(2));
                    continue;
                }

                int r = 0, g = 0, b = 0;
                for (var k = 0; k < count; k++)
                {
                    var w = across.Weights[offset + k];
                    var at = (start + k) * 3;
                    r += w * input[at];
                    g += w * input[at + 1];
                    b += w * input[at + 2];
                }

                output[x * 3] = Clamp(r);
                output[(x * 3) + 1] = Clamp(g);
                output[(x * 3) + 2] = Clamp(b);
            }
        });

        var pixels = new byte[width * height * 3];
        var stride = width * 3;
        Parallel.For(0, height, y =>
        {
            var (start, count, offset) = down.Of(y);
            var output = pixels.AsSpan(y * stride, stride);
            Span<int> sums = stride <= 16_384 ? stackalloc int[stride] : new int[stride];
            sums.Clear();
            for (var k = 0; k < count; k++)
            {
                AddWeighted(sums, wide.AsSpan((start + k) * stride, stride), down.Weights[offset + k]);
            }

            for (var i = 0; i < stride; i++)
            {
                output[i] = Clamp(sums[i]);
            }
        });
        return new RgbImage(width, height, pixels);
    }

    /// <summary>
    /// sums[i] += weight · row[i], a vector of bytes widened to integers at a time: the down pass reads every output
    /// sample's taps, so it is most of the resize. Integer arithmetic, so the result is the same as one sample at a time.
    /// </summary>
    static void AddWeighted(Span<int> sums, ReadOnlySpan<byte> row, int weight)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<int>(weight);
            var quarter = Vector<int>.Count;
            for (; i <= row.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(row[i..]), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                Accumulate(sums[i..], Vector.AsVectorInt32(a), w);
                Accumulate(sums[(i + quarter)..], Vector.AsVectorInt32(b), w);
                Accumulate(sums[(i + (2 * quarter))..], Vector.AsVectorInt32(c), w);
                Accumulate(sums[(i + (3 * quarter))..], Vector.AsVectorInt32(d), w);
            }
        }

        for (; i < row.Length; i++)
        {
            sums[i] += weight * row[i];
        }
    }

    static void Accumulate(Span<int> sums, Vector<int> samples, Vector<int> weight) => (new Vector<int>(sums) + (samples * weight)).CopyTo(sums);

    static byte Clamp(int sum) => (byte)Math.Clamp((sum + (1 << (Bits - 1))) >> Bits, 0, 255);

    static double Triangle(double x) => Math.Max(0, 1 - Math.Abs(x));

    static double Lanczos(double x)
    {
        x = Math.Abs(x);
        if (x < 1e-9) return 1;
        if (x >= Lobes) return 0;
        var px = Math.PI * x;
        return Lobes * Math.Sin(px) * Math.Sin(px / Lobes) / (px * px);
    }

    /// <summary>For each output position on one axis: the first input sample, how many, and their integer weights (summing to 2^Bits).</summary>
    sealed class Taps(int[] starts, int[] counts, int[] offsets, int[] weights)
    {
        public int[] Weights { get; } = weights;

        public (int Start, int Count, int Offset) Of(int i) => (starts[i], counts[i], offsets[i]);

        public static Taps For(int inputSize, int outputSize, Func<double, double> kernel, int lobes)
        {
            var scale = outputSize / (double)inputSize;
            // Reducing, the kernel is stretched over the input so it low-passes at the output's Nyquist.
            var stretch = Math.Max(1, 1 / scale);
            var support = lobes * stretch;
            var starts = new int[outputSize];
            var counts = new int[outputSize];
            var offsets = new int[outputSize];
            var weights = new List<int>(outputSize * ((int)Math.Ceiling(support) * 2 + 1));
            Span<double> raw = stackalloc double[(int)Math.Ceiling(support) * 2 + 2];
            for (var o = 0; o < outputSize; o++)
            {
                // Pixel centres: output o + ½ sits at input (o + ½) / scale.
                var centre = ((o + 0.5) / scale) - 0.5;
                var first = Math.Max(0, (int)Math.Ceiling(centre - support));
                var last = Math.Min(inputSize - 1, (int)Math.Floor(centre + support));
                var n = Math.Max(1, last - first + 1);
                double total = 0;
                for (var k = 0; k < n; k++)
                {
                    raw[k] = kernel((first + k - centre) / stretch);
                    total += raw[k];
                }

                // Integer weights that sum exactly to one: the rounding error goes to the largest tap, so flat areas stay flat.
                var sum = 0;
                var largest = 0;
                offsets[o] = weights.Count;
                for (var k = 0; k < n; k++)
                {
                    var w = (int)Math.Round(raw[k] / total * (1 << Bits));
                    weights.Add(w);
                    sum += w;
                    if (Math.Abs(w) > Math.Abs(weights[offsets[o] + largest])) largest = k;
                }

                weights[offsets[o] + largest] += (1 << Bits) - sum;
                (starts[o], counts[o]) = (first, n);
            }

            return new Taps(starts, counts, offsets, [.. weights]);
        }
    }
}
