using System.Runtime.Intrinsics;

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

    /// <summary><see cref="Mix(uint)"/> of eight values at once, the same bits.</summary>
    public static Vector256<uint> Mix(Vector256<uint> x)
    {
        x ^= Vector256.ShiftRightLogical(x, 16);
        x *= 0x7feb352du;
        x ^= Vector256.ShiftRightLogical(x, 15);
        x *= 0x846ca68bu;
        x ^= Vector256.ShiftRightLogical(x, 16);
        return x;
    }

    /// <summary><see cref="Unit(uint)"/> of eight hashes at once, the same floats.</summary>
    public static Vector256<float> Unit(Vector256<uint> hash) =>
        // Below 2^24 after the shift, so the signed conversion is exact.
        Vector256.ConvertToSingle(Vector256.ShiftRightLogical(hash, 8).AsInt32()) * (1f / 16777216f);
}
