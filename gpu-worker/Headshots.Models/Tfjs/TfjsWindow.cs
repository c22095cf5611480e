using Headshots.Models.Onnx;

namespace Headshots.Models.Tfjs;

/// <summary>
/// The sliding window of a convolution or pooling node, read from TensorFlow's NHWC attributes, with its
/// padding resolved into ONNX's explicit <c>pads</c> ([top, left, bottom, right]) where the input size is known.
/// </summary>
internal sealed record TfjsWindow(long[] Kernel, long[] Strides, long[] Dilations, string Padding, long[]? ExplicitPads)
{
    public static TfjsWindow Read(TfjsNode node, long kernelHeight, long kernelWidth)
    {
        var format = node.Text("data_format") ?? "NHWC";
        if (format != "NHWC")
        {
            throw new ModelConversionException($"{node} uses data format {format}; TF.js models are NHWC.");
        }

        var strides = Spatial(node, "strides");
        var dilations = Spatial(node, "dilations");
        var padding = node.Text("padding") ?? "VALID";
        long[]? explicitPads = null;
        if (padding == "EXPLICIT")
        {
            // Pairs per NHWC axis: [n_before, n_after, h_before, h_after, w_before, w_after, c_before, c_after].
            var pairs = node.Ints("explicit_paddings") ?? [];
            if (pairs.Length != 8 || pairs[0] != 0 || pairs[1] != 0 || pairs[6] != 0 || pairs[7] != 0)
            {
                throw new ModelConversionException($"{node} has explicit paddings [{string.Join(',', pairs)}]; only height and width may be padded.");
            }

            explicitPads = [pairs[2], pairs[4], pairs[3], pairs[5]];
        }
        else if (padding != "SAME" && padding != "VALID")
        {
            throw new ModelConversionException($"{node} has padding '{padding}', which is not supported.");
        }

        return new TfjsWindow([kernelHeight, kernelWidth], strides, dilations, padding, explicitPads);
    }

    /// <summary>The pooling window, which TensorFlow gives as an NHWC <c>ksize</c>.</summary>
    public static TfjsWindow ReadPool(TfjsNode node)
    {
        var size = Spatial(node, "ksize");
        return Read(node, size[0], size[1]);
    }

    public long EffectiveKernel(int axis) => ((Kernel[axis] - 1) * Dilations[axis]) + 1;

    /// <summary>
    /// Explicit pads for an input of the given height and width. TensorFlow's SAME puts the odd pixel after,
    /// as ONNX's SAME_UPPER does, which is the fallback when the size is known only at run time.
    /// </summary>
    public OnnxAttribute PadsFor(long height, long width)
    {
        if (ExplicitPads is { } pads)
        {
            return OnnxAttribute.Of("pads", pads);
        }

        if (Padding == "VALID")
        {
            return OnnxAttribute.Of("pads", 0L, 0L, 0L, 0L);
        }

        if (height < 0 || width < 0)
        {
            return OnnxAttribute.Of("auto_pad", "SAME_UPPER");
        }

        var (top, bottom) = SamePads(height, 0);
        var (left, right) = SamePads(width, 1);
        return OnnxAttribute.Of("pads", top, left, bottom, right);
    }

    /// <summary>The output height or width for an input size (-1 stays -1).</summary>
    public long OutputSize(long input, int axis)
    {
        if (input < 0)
        {
            return -1;
        }

        var padded = ExplicitPads is { } pads ? input + pads[axis] + pads[axis + 2] : input;
        return Padding == "SAME"
            ? (input + Strides[axis] - 1) / Strides[axis]
            : ((padded - EffectiveKernel(axis)) / Strides[axis]) + 1;
    }

    /// <summary>TensorFlow's SAME padding for one axis: the padding that makes the output ceil(input / stride).</summary>
    public (long Before, long After) SamePads(long input, int axis)
    {
        var output = (input + Strides[axis] - 1) / Strides[axis];
        var total = Math.Max(((output - 1) * Strides[axis]) + EffectiveKernel(axis) - input, 0);
        return (total / 2, total - (total / 2));
    }

    public OnnxAttribute[] ConvAttributes(long height, long width) =>
    [
        OnnxAttribute.Of("kernel_shape", Kernel),
        OnnxAttribute.Of("strides", Strides),
        OnnxAttribute.Of("dilations", Dilations),
        PadsFor(height, width),
    ];

    public OnnxAttribute[] PoolAttributes(long height, long width) =>
    [
        OnnxAttribute.Of("kernel_shape", Kernel),
        OnnxAttribute.Of("strides", Strides),
        PadsFor(height, width),
    ];

    private static long[] Spatial(TfjsNode node, string name)
    {
        var values = node.Ints(name) is { Length: > 0 } given ? given : [1, 1, 1, 1];
        if (values.Length == 2)
        {
            return values;
        }

        if (values.Length != 4 || values[0] != 1 || values[3] != 1)
        {
            throw new ModelConversionException($"{node} has {name} [{string.Join(',', values)}]; only height and width may differ from 1.");
        }

        return [values[1], values[2]];
    }
}
