using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

        // Two passes with 8-bit rows between them, as ImageMagick's Q8 intermediate. The across pass costs several
        // times the down pass per tap (a pixel's taps are gathered one by one; the down pass weighs whole rows as
        // vectors), so a reduction in height goes down first and leaves the across pass only the rows it keeps.
        var across = Taps.For(source.Width, width, kernel, support);
        var down = Taps.For(source.Height, height, kernel, support);
        var downFirst = height < source.Height;
        // The intermediate is rented, not allocated: see ScratchArrays.
        var between = ScratchArrays.Bytes.Rent(downFirst ? source.Width * height * 3 : width * source.Height * 3);
        try
        {
            var pixels = new byte[width * height * 3];
            if (downFirst)
            {
                Down(source.Pixels, source.Width, down, height, between);
                Across(between, source.Width, height, across, width, pixels);
            }
            else
            {
                Across(source.Pixels, source.Width, source.Height, across, width, between);
                Down(between, width, down, height, pixels);
            }

            return new RgbImage(width, height, pixels);
        }
        finally
        {
            ScratchArrays.Bytes.Return(between);
        }
    }

    /// <summary>Each of <paramref name="rows"/> rows of <paramref name="input"/> (<paramref name="inputWidth"/> pixels) resampled to <paramref name="width"/> pixels of <paramref name="output"/>.</summary>
    static void Across(byte[] input, int inputWidth, int rows, Taps across, int width, byte[] output)
    {
        Parallel.For(0, rows, y =>
        {
            var row = input.AsSpan(y * inputWidth * 3, inputWidth * 3);
            var result = output.AsSpan(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                var (start, count, offset) = across.Of(x);
                if (across.PairWeights is { } pairWeights && (start + ((count + 1) & ~1) - 2) * 3 + 8 <= row.Length)
                {
                    var sums = SumOfPairs(row, start, (count + 1) / 2, pairWeights.AsSpan(across.PairOffset(x)));
                    result[x * 3] = Clamp(sums.GetElement(0));
                    result[(x * 3) + 1] = Clamp(sums.GetElement(1));
                    result[(x * 3) + 2] = Clamp(sums.GetElement(2));
                    continue;
                }

                if ((start + count) * 3 < row.Length)
                {
                    // Each tap's R, G, B (and the next sample's first byte, weighted but dropped) as one vector.
                    var sum = Vector128<int>.Zero;
                    for (var k = 0; k < count; k++)
                    {
                        var sample = Vector128.CreateScalarUnsafe(MemoryMarshal.Read<uint>(row[((start + k) * 3)..])).AsByte();
                        sum += Vector128.WidenLower(Vector128.WidenLower(sample)).AsInt32() * across.Weights[offset + k];
                    }

                    result[x * 3] = Clamp(sum.GetElement(0));
                    result[(x * 3) + 1] = Clamp(sum.GetElement(1));
                    result[(x * 3) + 2] = Clamp(sum.GetElement(2));
                    continue;
                }

                int r = 0, g = 0, b = 0;
                for (var k = 0; k < count; k++)
                {
                    var w = across.Weights[offset + k];
                    var at = (start + k) * 3;
                    r += w * row[at];
                    g += w * row[at + 1];
                    b += w * row[at + 2];
                }

                result[x * 3] = Clamp(r);
                result[(x * 3) + 1] = Clamp(g);
                result[(x * 3) + 2] = Clamp(b);
            }
        });
    }

    /// <summary>Picks R, G and B of two neighbouring pixels out of 8 bytes as 16-bit pairs: [R0, R1, G0, G1, B0, B1, 0, 0].</summary>
    static readonly Vector128<byte> PairOfPixels = Vector128.Create((byte)0, 0x80, 3, 0x80, 1, 0x80, 4, 0x80, 2, 0x80, 5, 0x80, 0x80, 0x80, 0x80, 0x80);

    /// <summary>
    /// One output pixel's R, G and B sums (elements 0, 1, 2), two taps at a time: each pair of input pixels is spread
    /// into 16-bit lanes and multiplied by its two weights and added in one instruction (pmaddwd). The same integer
    /// products and sums as one tap at a time (an odd tap count ends in a pair whose second weight is 0), at about a
    /// third of the instructions.
    /// </summary>
    static Vector128<int> SumOfPairs(ReadOnlySpan<byte> row, int start, int pairs, ReadOnlySpan<Vector128<short>> weights)
    {
        ref var first = ref MemoryMarshal.GetReference(row);
        var sum = Vector128<int>.Zero;
        for (var p = 0; p < pairs; p++)
        {
            var eight = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, (start + (2 * p)) * 3))).AsByte();
            sum += Sse2.MultiplyAddAdjacent(Ssse3.Shuffle(eight, PairOfPixels).AsInt16(), weights[p]);
        }

        return sum;
    }

    /// <summary>Rows of <paramref name="width"/> pixels of <paramref name="input"/> resampled to <paramref name="height"/> rows of <paramref name="output"/>.</summary>
    static void Down(byte[] input, int width, Taps down, int height, byte[] output)
    {
        var stride = width * 3;
        Parallel.For(0, height, y =>
        {
            var (start, count, offset) = down.Of(y);
            var row = output.AsSpan(y * stride, stride);
            Span<int> sums = stride <= 16_384 ? stackalloc int[stride] : new int[stride];
            sums.Clear();
            for (var k = 0; k < count; k++)
            {
                AddWeighted(sums, input.AsSpan((start + k) * stride, stride), down.Weights[offset + k]);
            }

            for (var i = 0; i < stride; i++)
            {
                row[i] = Clamp(sums[i]);
            }
        });
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
        readonly int[]? pairOffsets = Ssse3.IsSupported ? PairOffsets(counts) : null;

        public int[] Weights { get; } = weights;

        /// <summary>
        /// Where the processor has the instructions <see cref="SumOfPairs"/> uses: each output's weights two at a time
        /// as [w0, w1, w0, w1, w0, w1, 0, 0], the last pair of an odd count ending in 0. Null elsewhere.
        /// </summary>
        public Vector128<short>[]? PairWeights { get; } = Ssse3.IsSupported ? Pairs(counts, offsets, weights) : null;

        public (int Start, int Count, int Offset) Of(int i) => (starts[i], counts[i], offsets[i]);

        public int PairOffset(int i) => pairOffsets![i];

        static int[] PairOffsets(int[] counts)
        {
            var result = new int[counts.Length];
            for (int i = 0, at = 0; i < counts.Length; at += (counts[i] + 1) / 2, i++) result[i] = at;
            return result;
        }

        /// <summary>Null when a weight does not fit 16 bits (14-bit weights, negative lobes included, stay far inside it).</summary>
        static Vector128<short>[]? Pairs(int[] counts, int[] offsets, int[] weights)
        {
            if (weights.Any(w => w is < short.MinValue or > short.MaxValue)) return null;
            var pairs = new List<Vector128<short>>();
            for (var i = 0; i < counts.Length; i++)
            {
                for (var k = 0; k < counts[i]; k += 2)
                {
                    var w0 = (short)weights[offsets[i] + k];
                    var w1 = k + 1 < counts[i] ? (short)weights[offsets[i] + k + 1] : (short)0;
                    pairs.Add(Vector128.Create(w0, w1, w0, w1, w0, w1, 0, 0));
                }
            }

            return [.. pairs];
        }

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
