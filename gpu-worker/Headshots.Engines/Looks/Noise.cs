using Headshots.Engines.Imaging;

namespace Headshots.Engines.Looks;

/// <summary>
/// Deterministic randomness: the same look, variant and pixel always give the same value, so a candidate can be
/// rendered again byte for byte (string.GetHashCode is randomised per process and cannot be used for seeds).
/// </summary>
internal static class Noise
{
    public static int Seed(string text, int variant)
    {
        var hash = 2166136261u;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)((hash ^ (uint)variant * 0x9E3779B9u) & 0x7fffffff);
    }

    /// <summary>A uniform value in [0, 1) for a pixel.</summary>
    public static float Uniform(uint x, uint y, uint seed) => IntegerHash.Unit(IntegerHash.Mix((x * ColumnFactor) ^ RowKey(y, seed)));

    /// <summary>What a pixel's column contributes to its hash input.</summary>
    public const uint ColumnFactor = 0x8da6b343u;

    /// <summary>What the row and the seed contribute to a pixel's hash input: the same for a whole row.</summary>
    public static uint RowKey(uint y, uint seed) => (y * 0xd8163841u) ^ (seed * 0xcb1ab31fu);

    /// <summary>Zero mean, unit variance, close to Gaussian (sum of four uniforms).</summary>
    public static float Gaussian(uint x, uint y, uint seed) =>
        (Uniform(x, y, seed) + Uniform(x, y, seed + 1) + Uniform(x, y, seed + 2) + Uniform(x, y, seed + 3) - 2f) * 1.7320508f;

    /// <summary>Zero mean, unit variance, triangular: two hashes instead of four, for per-pixel grain.</summary>
    public static float Triangle(uint x, uint y, uint seed) => (Uniform(x, y, seed) + Uniform(x, y, seed + 1) - 1f) * 2.4494897f;

    /// <summary>Zero mean, unit variance, flat: one hash.</summary>
    public static float Flat(uint x, uint y, uint seed) => (Uniform(x, y, seed) - 0.5f) * 3.4641016f;
}
