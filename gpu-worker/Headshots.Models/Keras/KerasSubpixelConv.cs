using Headshots.Models.Onnx;

namespace Headshots.Models.Keras;

/// <summary>
/// Nearest up-sampling by s followed by a stride-1 'same' convolution, rewritten as a convolution on the small tensor
/// with s² × filters outputs and a DepthToSpace. The result is identical (zero padding lines up at both scales), but
/// the s²-times larger feature map between the two layers never exists: for ESRGAN x4 that map is 16 × 48 channels per
/// input pixel, 800 MB for a 512² tile, and the small convolution is a better-shaped matrix product as well.
/// </summary>
internal static class KerasSubpixelConv
{
    public static bool CanFuse(KerasLayer upSampling, KerasLayer conv)
    {
        var (sh, sw) = upSampling.Pair("size", 2);
        return upSampling.ClassName == "UpSampling2D"
            && upSampling.String("interpolation", "nearest") == "nearest"
            && sh == sw && sh > 1
            && conv.ClassName is "Conv2D" or "Convolution2D"
            && conv.String("padding", "valid") == "same"
            && conv.Pair("kernel_size", 0) is var (kh, kw) && kh == kw
            && conv.Pair("strides", 1) == (1, 1)
            && conv.Pair("dilation_rate", 1) == (1, 1)
            && conv.Int("groups", 1) == 1;
    }

    /// <param name="oihw">The convolution's kernel, already in ONNX layout.</param>
    public static string Emit(OnnxGraph graph, KerasLayer layer, string hint, string input, int scale, float[] oihw, float[]? bias,
        int filters, int inputs, int kernel)
    {
        // Output pixel (s·y + dy) reads up-sampled row s·y + dy + k - pad, which is small row y + floor((dy + k - pad) / s).
        var pad = (kernel - 1) / 2;
        var first = FloorDiv(-pad, scale);
        var last = FloorDiv(scale - 1 + kernel - 1 - pad, scale);
        var size = last - first + 1;
        var outputs = scale * scale * filters;
        var fused = new float[outputs * inputs * size * size];
        for (var dy = 0; dy < scale; dy++)
        {
            for (var dx = 0; dx < scale; dx++)
            {
                for (var o = 0; o < filters; o++)
                {
                    // DepthToSpace (DCR) takes channel (dy·s + dx)·C + c to sub-pixel (dy, dx) of channel c.
                    var fusedOut = (((dy * scale) + dx) * filters) + o;
                    for (var i = 0; i < inputs; i++)
                    {
                        for (var ky = 0; ky < kernel; ky++)
                        {
                            var ry = FloorDiv(dy + ky - pad, scale) - first;
                            for (var kx = 0; kx < kernel; kx++)
                            {
                                var rx = FloorDiv(dx + kx - pad, scale) - first;
                                fused[(((((fusedOut * inputs) + i) * size) + ry) * size) + rx] +=
                                    oihw[(((((o * inputs) + i) * kernel) + ky) * kernel) + kx];
                            }
                        }
                    }
                }
            }
        }

        var convInputs = new List<string> { input, graph.Constant($"{layer.Name}/kernel_subpixel", fused, outputs, inputs, size, size) };
        if (bias is not null)
        {
            var tiled = new float[outputs];
            for (var j = 0; j < outputs; j++) tiled[j] = bias[j % filters];
            convInputs.Add(graph.Constant($"{layer.Name}/bias_subpixel", tiled, outputs));
        }

        var conv = graph.Node("Conv", [.. convInputs], $"{hint}_subpixel",
            OnnxAttribute.Of("kernel_shape", size, (long)size),
            OnnxAttribute.Of("pads", -first, (long)-first, last, last));
        return graph.Node("DepthToSpace", [conv], hint, OnnxAttribute.Of("blocksize", (long)scale), OnnxAttribute.Of("mode", "DCR"));
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);
}
