namespace Headshots.Engines.Upscaling;

/// <summary>
/// The enlarged image as weighted sums of tile outputs. The tile weights of each pixel add up to 1 (see
/// <see cref="TileAxis.Weights"/>), so the sum is the blend and no weight image is kept.
/// </summary>
/// <param name="sum">At least width × height × 3 long, zeroed that far.</param>
internal sealed class TileAccumulator(int width, int height, float[] sum)
{
    public void Add(float[] tile, int left, int top, float[] columnWeights, float[] rowWeights)
    {
        var tileWidth = columnWeights.Length;
        Parallel.For(0, rowWeights.Length, y =>
        {
            var rowWeight = rowWeights[y];
            if (rowWeight == 0f) return;
            var source = tile.AsSpan(y * tileWidth * 3, tileWidth * 3);
            var target = sum.AsSpan((((top + y) * width) + left) * 3, tileWidth * 3);
            for (var x = 0; x < tileWidth; x++)
            {
                var weight = rowWeight * columnWeights[x];
                var i = x * 3;
                target[i] += weight * source[i];
                target[i + 1] += weight * source[i + 1];
                target[i + 2] += weight * source[i + 2];
            }
        });
    }

    /// <summary>Rounded and clamped: the model's output runs a little outside 0–255 on strong edges.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[width * height * 3];
        var rowLength = width * 3;
        Parallel.For(0, height, y =>
        {
            var from = sum.AsSpan(y * rowLength, rowLength);
            var to = bytes.AsSpan(y * rowLength, rowLength);
            for (var i = 0; i < from.Length; i++) to[i] = (byte)Math.Clamp(MathF.Round(from[i]), 0f, 255f);
        });
        return bytes;
    }
}
