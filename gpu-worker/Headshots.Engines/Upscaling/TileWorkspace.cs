namespace Headshots.Engines.Upscaling;

/// <summary>
/// The large buffers of an upscale, kept for the next one: a 16 MP accumulator is 200 MB, and allocating it per image
/// leaves the previous one as garbage until a full collection, which doubled the peak working set across two images.
/// </summary>
internal sealed class TileWorkspace
{
    private float[] sum = [];
    private float[] input = [];
    private float[] output = [];

    public TileAccumulator Accumulator(int width, int height)
    {
        // A larger accumulator from an earlier image serves as well: only its start is used.
        var length = checked(width * height * 3);
        if (sum.Length < length)
        {
            sum = [];
            sum = new float[length];
        }
        else
        {
            Array.Clear(sum, 0, length);
        }

        return new TileAccumulator(width, height, sum);
    }

    /// <summary>The model's input and output for one tile; ONNX Runtime reads and writes them in place.</summary>
    public (float[] Input, float[] Output) Tile(int width, int height, int scale)
    {
        var length = width * height * 3;
        if (input.Length != length)
        {
            (input, output) = ([], []);
            (input, output) = (new float[length], new float[length * scale * scale]);
        }

        return (input, output);
    }
}
