namespace Headshots.Engines.Diffusion.Schedulers;

/// <summary>
/// Seeded standard normal noise that is the same on every machine and every run: value n of stream k for a seed is a
/// pure function of (seed, k, n), so any slice can be drawn without the ones before it.
/// </summary>
/// <remarks>
/// Uniform bits: SplitMix64 (Steele, Lea and Flood 2014), which is counter-based by construction (its n-th output is a
/// mixing function of key + (n + 1)·γ), keyed by <c>Mix(Mix(seed) + stream·γ)</c>. Normals: Box–Muller on consecutive
/// pairs, u₁ in (0, 1] and u₂ in [0, 1) from the top 53 bits, computed with <see cref="PortableMath"/> so no
/// platform library is involved. Not torch.randn: the same seed does not give diffusers' latents.
/// </remarks>
internal sealed class GaussianNoise(ulong seed)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private const int ParallelChunk = 8192;

    public ulong Seed { get; } = seed;

    /// <summary>Fills <paramref name="destination"/> with values 0, 1, 2, … of <paramref name="stream"/>.</summary>
    public void Fill(ulong stream, Span<float> destination) => Fill(stream, 0, destination);

    /// <summary>
    /// The same values in parallel chunks when the buffer is large (a 1024² run's latents are 65 536 values a step):
    /// each value is a pure function of its index, so the bytes do not depend on how the work is split.
    /// </summary>
    public void Fill(ulong stream, float[] destination)
    {
        if (destination.Length < 4 * ParallelChunk)
        {
            Fill(stream, 0, destination.AsSpan());
            return;
        }

        Parallel.For(0, (destination.Length + ParallelChunk - 1) / ParallelChunk, chunk =>
        {
            var start = chunk * ParallelChunk;
            Fill(stream, start, destination.AsSpan(start, Math.Min(ParallelChunk, destination.Length - start)));
        });
    }

    /// <summary>Fills <paramref name="destination"/> with values first, first + 1, … of <paramref name="stream"/>.</summary>
    public void Fill(ulong stream, long first, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        var key = StreamKey(Seed, stream);
        var i = 0;
        while (i < destination.Length)
        {
            // Values 2j and 2j + 1 come from one Box–Muller pair; a slice may start or end half-way through one.
            var n = first + i;
            var pair = n & ~1L;
            var (z0, z1) = BoxMuller(SplitMix64(key, pair), SplitMix64(key, pair + 1));
            if (n == pair) destination[i++] = (float)z0;
            if (i < destination.Length) destination[i++] = (float)z1;
        }
    }

    /// <summary>SplitMix64's output <paramref name="n"/> (from 0) after starting at <paramref name="state"/>.</summary>
    internal static ulong SplitMix64(ulong state, long n) => Mix(unchecked(state + ((ulong)(n + 1) * Gamma)));

    internal static ulong StreamKey(ulong seed, ulong stream) => Mix(unchecked(Mix(seed) + (stream * Gamma)));

    /// <summary>SplitMix64's finaliser (Stafford's mix 13).</summary>
    internal static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    internal static (double Z0, double Z1) BoxMuller(ulong bits0, ulong bits1)
    {
        // u₁ is never 0, so its logarithm is finite.
        var u1 = ((bits0 >> 11) + 1) * TwoToMinus53;
        var u2 = (bits1 >> 11) * TwoToMinus53;
        var radius = Math.Sqrt(-2 * PortableMath.Log(u1));
        var (cos, sin) = PortableMath.CosSinOfTurns(u2);
        return (radius * cos, radius * sin);
    }
}
