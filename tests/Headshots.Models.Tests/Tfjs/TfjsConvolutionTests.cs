using Headshots.Models.Tests.Onnx;
using static Headshots.Models.Tests.Tfjs.TfjsModelBuilder;

namespace Headshots.Models.Tests.Tfjs;

/// <summary>Window ops on tiny NHWC images whose results are worked out by hand.</summary>
public sealed class TfjsConvolutionTests
{
    // 1 2 3 4 / 5 6 7 8 / 9 10 11 12 / 13 14 15 16, one channel.
    private static readonly float[] Four = Enumerable.Range(1, 16).Select(v => (float)v).ToArray();
    private static readonly float[] Ones3x3 = Enumerable.Repeat(1f, 9).ToArray();

    [Fact]
    public void Conv2D_SamePaddingOnesKernel_SumsZeroPaddedNeighbourhoods()
    {
        var y = RunConv(Window("SAME"), Ones3x3, [3, 3, 1, 1], Four, [1, 4, 4, 1], [1, 4, 4, 1]);

        Assert.Equal([14f, 24, 30, 22, 33, 54, 63, 45, 57, 90, 99, 69, 46, 72, 78, 54], y);
    }

    [Fact]
    public void Conv2D_ValidPaddingOnesKernel_SumsInnerNeighbourhoods()
    {
        var y = RunConv(Window("VALID"), Ones3x3, [3, 3, 1, 1], Four, [1, 4, 4, 1], [1, 2, 2, 1]);

        Assert.Equal([54f, 63, 90, 99], y);
    }

    [Fact]
    public void Conv2D_SamePaddingStride2_PadsTheOddPixelAfter()
    {
        // TensorFlow pads 0 before and 1 after here; padding before would give 14 for the first pixel.
        var y = RunConv(Window("SAME", stride: 2), Ones3x3, [3, 3, 1, 1], Four, [1, 4, 4, 1], [1, 2, 2, 1]);

        Assert.Equal([54f, 45, 72, 54], y);
    }

    [Fact]
    public void Conv2D_WideKernel_KeepsHeightAndWidthApart()
    {
        // Kernel one row high and two columns wide: [1, 10].
        var y = RunConv(Window("VALID"), [1f, 10f], [1, 2, 1, 1], [1f, 2, 3, 4], [1, 2, 2, 1], [1, 2, 1, 1]);

        Assert.Equal([21f, 43], y);
    }

    [Fact]
    public void Conv2D_TwoInThreeOutChannels_ReadsFilterAsHeightWidthInOut()
    {
        // filter[in][out] = [[1, 2, 3], [10, 20, 30]]; x = [1, 100].
        var y = RunConv(Window("VALID"), [1f, 2, 3, 10, 20, 30], [1, 1, 2, 3], [1f, 100], [1, 1, 1, 2], [1, 1, 1, 3]);

        Assert.Equal([1001f, 2002, 3003], y);
    }

    [Fact]
    public void Conv2D_Dilation2_SkipsEveryOtherPixel()
    {
        var x = Enumerable.Range(0, 25).Select(v => (float)v).ToArray();
        var y = RunConv(Window("VALID", dilation: 2), [1f, 1, 1, 1], [2, 2, 1, 1], x, [1, 5, 5, 1], [1, 3, 3, 1]);

        // x[i][j] + x[i][j+2] + x[i+2][j] + x[i+2][j+2] with x[i][j] = 5i + j.
        var expected = Enumerable.Range(0, 9).Select(k => (float)((4 * ((5 * (k / 3)) + (k % 3))) + 24)).ToArray();
        Assert.Equal(expected, y);
    }

    [Fact]
    public void Conv2D_ExplicitPadding_PadsTopAndRight()
    {
        var window = Window("EXPLICIT", explicitPaddings: [0, 0, 1, 0, 0, 1, 0, 0]);

        var y = RunConv(window, [1f], [1, 1, 1, 1], [1f, 2, 3, 4], [1, 2, 2, 1], [1, 3, 3, 1]);

        Assert.Equal([0f, 0, 0, 1, 2, 0, 3, 4, 0], y);
    }

    [Fact]
    public void FusedConv2D_BiasAndRelu_AddsBiasThenClampsNegatives()
    {
        var attributes = Window("VALID");
        attributes["fused_ops"] = Texts("BiasAdd", "Relu");
        attributes["num_args"] = Int(1);
        var model = new TfjsModelBuilder()
            .Input("x", 1, 1, 2, 1)
            .Const("w", [1f, -1f], 1, 1, 1, 2)
            .Const("b", [0.5f, 0.5f], 2)
            .Node("conv", "_FusedConv2D", ["x", "w", "b"], attributes)
            .Output("y", "conv", 1, 1, 2, 2);

        var y = Run(model, [1f, 2f], [1, 1, 2, 1]);

        Assert.Equal([1.5f, 0, 2.5f, 0], y);
    }

    [Fact]
    public void FusedConv2D_BiasAndPrelu_TakesSlopeFromSecondExtraInput()
    {
        var attributes = Window("VALID");
        attributes["fused_ops"] = Texts("BiasAdd", "Prelu");
        attributes["num_args"] = Int(2);
        var model = new TfjsModelBuilder()
            .Input("x", 1, 1, 2, 1)
            .Const("w", [1f, -1f], 1, 1, 1, 2)
            .Const("b", [0f, 0f], 2)
            .Const("alpha", [0.5f, 0.25f], 1, 1, 2)
            .Node("conv", "_FusedConv2D", ["x", "w", "b", "alpha"], attributes)
            .Output("y", "conv", 1, 1, 2, 2);

        var y = Run(model, [2f, -4f], [1, 1, 2, 1]);

        Assert.Equal([2f, -0.5f, -2f, 4f], y);
    }

    [Fact]
    public void DepthwiseConv2dNative_Multiplier2_OrdersOutputsChannelThenMultiplier()
    {
        // filter[c][m] = [[1, 2], [10, 20]]; x = [3, 5].
        var model = new TfjsModelBuilder()
            .Input("x", 1, 1, 1, 2)
            .Const("w", [1f, 2, 10, 20], 1, 1, 2, 2)
            .Node("dw", "DepthwiseConv2dNative", ["x", "w"], Window("VALID"))
            .Output("y", "dw", 1, 1, 1, 4);

        var y = Run(model, [3f, 5f], [1, 1, 1, 2]);

        Assert.Equal([3f, 6, 50, 100], y);
    }

    [Fact]
    public void DepthwiseConv2dNative_SameStride2_FiltersEachChannelAlone()
    {
        // Two channels, the second ten times the first; a 3×3 kernel of ones on each.
        var x = Four.SelectMany(v => new[] { v, 10 * v }).ToArray();
        var model = new TfjsModelBuilder()
            .Input("x", 1, 4, 4, 2)
            .Const("w", Enumerable.Repeat(1f, 18).ToArray(), 3, 3, 2, 1)
            .Node("dw", "DepthwiseConv2dNative", ["x", "w"], Window("SAME", stride: 2))
            .Output("y", "dw", 1, 2, 2, 2);

        var y = Run(model, x, [1, 4, 4, 2]);

        Assert.Equal([54f, 540, 45, 450, 72, 720, 54, 540], y);
    }

    [Fact]
    public void Conv2DBackpropInput_Stride2Kernel2_SpreadsEachPixelOverABlockPerChannel()
    {
        // filter [kh, kw, out, in]: output channel 0 weighs 1, channel 1 weighs 10.
        var filter = Enumerable.Range(0, 4).SelectMany(_ => new[] { 1f, 10f }).ToArray();
        var y = RunTransposed(Window("SAME", stride: 2), filter, [2, 2, 2, 1], [1, 4, 4, 2]);

        var plane = new[] { 1f, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 };
        Assert.Equal(plane.SelectMany(v => new[] { v, 10 * v }).ToArray(), y);
    }

    [Fact]
    public void Conv2DBackpropInput_Stride2Kernel3Same_CropsTheOverhangAfter()
    {
        // The full 5×5 result loses its last row and column, where forward SAME padding put its odd pixel.
        var y = RunTransposed(Window("SAME", stride: 2), Ones3x3, [3, 3, 1, 1], [1, 4, 4, 1]);

        Assert.Equal([1f, 1, 3, 2, 1, 1, 3, 2, 4, 4, 10, 6, 3, 3, 7, 4], y);
    }

    [Fact]
    public void Conv2DBackpropInput_ValidOutputLargerThanWindowReach_FillsTheRestWithZeros()
    {
        // A 1×1 kernel at stride 2 reaches 3 pixels from 2; the requested 4 need ONNX output padding.
        var y = RunTransposed(Window("VALID", stride: 2), [1f], [1, 1, 1, 1], [1, 4, 4, 1]);

        Assert.Equal([1f, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0], y);
    }

    [Fact]
    public void MaxPool_SameStride2_IgnoresPaddingForNegativeValues()
    {
        var x = Enumerable.Range(1, 9).Select(v => -(float)v).ToArray();
        var y = RunPool("MaxPool", Window("SAME", stride: 2), 2, x, [1, 3, 3, 1], [1, 2, 2, 1]);

        Assert.Equal([-1f, -3, -7, -9], y);
    }

    [Fact]
    public void AvgPool_SameStride2_AveragesOnlyPixelsInsideTheImage()
    {
        var x = Enumerable.Range(1, 9).Select(v => (float)v).ToArray();
        var y = RunPool("AvgPool", Window("SAME", stride: 2), 2, x, [1, 3, 3, 1], [1, 2, 2, 1]);

        Assert.Equal([3f, 4.5f, 7.5f, 9], y);
    }

    [Fact]
    public void AvgPool_ValidWholeImage_GivesTheMeanPerChannel()
    {
        var x = Enumerable.Range(1, 9).SelectMany(v => new[] { (float)v, -v }).ToArray();
        var y = RunPool("AvgPool", Window("VALID", stride: 3), 3, x, [1, 3, 3, 2], [1, 1, 1, 2]);

        Assert.Equal([5f, -5f], y);
    }

    private static float[] RunConv(System.Text.Json.Nodes.JsonObject attributes, float[] filter, int[] filterShape, float[] x, int[] xShape, long[] yShape)
    {
        var model = new TfjsModelBuilder()
            .Input("x", xShape.Select(d => (long)d).ToArray())
            .Const("w", filter, filterShape)
            .Node("conv", "Conv2D", ["x", "w"], attributes)
            .Output("y", "conv", yShape);
        return Run(model, x, xShape);
    }

    /// <summary>A transposed convolution of the 2×2 image [1, 2; 3, 4].</summary>
    private static float[] RunTransposed(System.Text.Json.Nodes.JsonObject attributes, float[] filter, int[] filterShape, int[] outputSize)
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2, 2, 1)
            .ConstInts("size", outputSize, 4)
            .Const("w", filter, filterShape)
            .Node("deconv", "Conv2DBackpropInput", ["size", "w", "x"], attributes)
            .Output("y", "deconv", outputSize.Select(d => (long)d).ToArray());
        return Run(model, [1f, 2, 3, 4], [1, 2, 2, 1]);
    }

    private static float[] RunPool(string op, System.Text.Json.Nodes.JsonObject attributes, int size, float[] x, int[] xShape, long[] yShape)
    {
        attributes.Remove("dilations");
        attributes["ksize"] = Ints(1, size, size, 1);
        var model = new TfjsModelBuilder()
            .Input("x", xShape.Select(d => (long)d).ToArray())
            .Node("pool", op, ["x"], attributes)
            .Output("y", "pool", yShape);
        return Run(model, x, xShape);
    }

    private static float[] Run(TfjsModelBuilder model, float[] x, int[] shape) =>
        OnnxRunner.Run(model.Convert(), ("x", x, shape))["y"].Values;
}
