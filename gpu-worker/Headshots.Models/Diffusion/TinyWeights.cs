namespace Headshots.Models.Diffusion;

/// <summary>Fixed pseudo-random weights: the same bytes on every build, so a tiny model's SHA-256 never drifts.</summary>
internal sealed class TinyWeights(int seed)
{
    // System.Random with a seed runs the same algorithm on every runtime version (its seeded path is frozen).
    private readonly Random random = new(seed);

    /// <summary>Uniform in [−scale, scale).</summary>
    public float[] Uniform(int count, float scale)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = (float)(((random.NextDouble() * 2) - 1) * scale);
        return values;
    }

    /// <summary>Uniform in [low, high).</summary>
    public float[] Between(int count, float low, float high)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = (float)(low + (random.NextDouble() * (high - low)));
        return values;
    }
}
