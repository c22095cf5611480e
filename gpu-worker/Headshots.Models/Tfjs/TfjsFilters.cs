namespace Headshots.Models.Tfjs;

/// <summary>Rearranges TensorFlow filters, which keep the window first ([kh, kw, a, b]), into ONNX's layouts.</summary>
internal static class TfjsFilters
{
    /// <summary>
    /// Conv2D [kh, kw, in, out] to Conv [out, in, kh, kw]; also Conv2DBackpropInput [kh, kw, out, in] to
    /// ConvTranspose [in, out, kh, kw], which is the same rearrangement.
    /// </summary>
    public static (float[] Values, long[] Shape) SwapToFront(TfjsTensor filter) => Permute(filter, [3, 2, 0, 1]);

    /// <summary>
    /// DepthwiseConv2dNative [kh, kw, channels, multiplier] to a grouped Conv's [channels * multiplier, 1, kh, kw]:
    /// TensorFlow numbers output channel c * multiplier + m, and so does a Conv with one group per input channel.
    /// </summary>
    public static (float[] Values, long[] Shape) Depthwise(TfjsTensor filter)
    {
        var (values, shape) = Permute(filter, [2, 3, 0, 1]);
        return (values, [shape[0] * shape[1], 1, shape[2], shape[3]]);
    }

    private static (float[] Values, long[] Shape) Permute(TfjsTensor filter, int[] order)
    {
        if (filter.Shape.Length != 4)
        {
            throw new ModelConversionException($"Filter '{filter.Name}' has shape [{string.Join(',', filter.Shape)}]; a rank-4 filter was expected.");
        }

        var source = filter.RequireFloats();
        var dims = filter.Shape;
        var strides = new[] { dims[1] * dims[2] * dims[3], dims[2] * dims[3], dims[3], 1 };
        var target = order.Select(axis => dims[axis]).ToArray();
        var result = new float[source.Length];
        var i = 0;
        for (var a = 0; a < target[0]; a++)
        {
            for (var b = 0; b < target[1]; b++)
            {
                for (var c = 0; c < target[2]; c++)
                {
                    for (var d = 0; d < target[3]; d++)
                    {
                        result[i++] = source[(a * strides[order[0]]) + (b * strides[order[1]]) + (c * strides[order[2]]) + (d * strides[order[3]])];
                    }
                }
            }
        }

        return (result, target.Select(d => (long)d).ToArray());
    }
}
