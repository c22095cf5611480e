namespace Headshots.Engines.Imaging;

/// <summary>
/// The stateless 32-bit hash behind per-pixel noise (grain, texture): the same input always gives the same bits, so
/// a render repeats byte for byte on any machine. The diffusion pipeline's seeded noise is a different contract
/// (SplitMix64 in GaussianNoise) and stays apart.
/// </summary>
public static class IntegerHash
{
    /// <summary>An avalanching 32-bit finaliser (xor-shift-multiply, "lowbias32" constants).</summary>
    public static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7feb352du;
        x ^= x >> 15;
        x *= 0x846ca68bu;
        x ^= x >> 16;
        return x;
    }

    /// <summary>The top 24 bits of a hash as a uniform value in [0, 1): exactly representable in a float.</summary>
    public static float Unit(uint hash) => (hash >> 8) * (1f / 16777216f);
}
