namespace Headshots.Engines.Upscaling;

/// <summary>One tile's span along one axis, in input pixels.</summary>
internal readonly record struct TileSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Cuts one axis into equal, evenly spaced tiles that overlap by at least the requested amount, and gives each tile its
/// blending weight per output pixel. Equal tiles keep one input shape for the whole image, so ONNX Runtime plans its
/// memory once.
/// </summary>
internal static class TileAxis
{
    public static IReadOnlyList<TileSpan> Plan(int length, int tileSize, int overlap)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (length <= tileSize) return [new TileSpan(0, length)];

        var count = (int)Math.Ceiling((length - overlap) / (double)(tileSize - overlap));
        var tile = (int)Math.Ceiling((length + ((count - 1) * (double)overlap)) / count);
        var spans = new TileSpan[count];
        for (var i = 0; i < count; i++)
        {
            // Rounding the starts down keeps every step at most tile - overlap, so no overlap is short.
            spans[i] = new TileSpan((int)((long)i * (length - tile) / (count - 1)), tile);
        }

        return spans;
    }

    /// <summary>
    /// The weight of tile <paramref name="index"/> for each output pixel it covers (scale × its length). Across all tiles
    /// the weights of one output pixel add up to exactly 1.
    /// </summary>
    public static float[][] Weights(IReadOnlyList<TileSpan> spans, int scale)
    {
        var raw = spans.Select((span, i) => RawWeights(spans, i, scale)).ToArray();
        var total = new float[(spans[^1].End) * scale];
        for (var i = 0; i < spans.Count; i++)
        {
            for (var x = 0; x < raw[i].Length; x++) total[(spans[i].Start * scale) + x] += raw[i][x];
        }

        for (var i = 0; i < spans.Count; i++)
        {
            for (var x = 0; x < raw[i].Length; x++) raw[i][x] /= total[(spans[i].Start * scale) + x];
        }

        return raw;
    }

    private static float[] RawWeights(IReadOnlyList<TileSpan> spans, int index, int scale)
    {
        var span = spans[index];
        var weights = new float[span.Length * scale];
        for (var x = 0; x < weights.Length; x++)
        {
            // The output pixel's centre in input coordinates.
            var position = span.Start + ((x + 0.5) / scale);
            var weight = 1.0;
            if (index > 0) weight *= Ramp(position, spans[index].Start, spans[index - 1].End);
            if (index < spans.Count - 1) weight *= 1 - Ramp(position, spans[index + 1].Start, span.End);
            weights[x] = (float)weight;
        }

        return weights;
    }

    /// <summary>0 before the overlap's middle half, 1 after it, linear in between.</summary>
    private static double Ramp(double position, int overlapStart, int overlapEnd)
    {
        var quarter = (overlapEnd - overlapStart) / 4.0;
        var from = overlapStart + quarter;
        var to = overlapEnd - quarter;
        if (to <= from) return position >= from ? 1 : 0;
        return Math.Clamp((position - from) / (to - from), 0, 1);
    }
}
