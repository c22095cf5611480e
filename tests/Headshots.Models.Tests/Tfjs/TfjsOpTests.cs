using Headshots.Models.Tests.Onnx;
using static Headshots.Models.Tests.Tfjs.TfjsModelBuilder;

namespace Headshots.Models.Tests.Tfjs;

/// <summary>Element-wise, shape and resize ops on tiny tensors whose results are worked out by hand.</summary>
public sealed class TfjsOpTests
{
    [Fact]
    public void ResizeBilinear_HalfPixelCenters_ClampsAtTheBorder()
    {
        var y = RunResize(alignCorners: false, halfPixelCenters: true);

        // Per axis [a, b] becomes [a, a + (b - a) / 4, a + 3 (b - a) / 4, b].
        Assert.Equal(Planes([0f, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3]), y);
    }

    [Fact]
    public void ResizeBilinear_AlignCorners_KeepsCornerPixels()
    {
        var y = RunResize(alignCorners: true, halfPixelCenters: false);

        var third = 1f / 3;
        var expected = Enumerable.Range(0, 16).Select(k => (2 * (k / 4) * third) + ((k % 4) * third)).ToArray();
        Assert.Equal(Planes(expected), y, (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void ResizeBilinear_NeitherFlag_SamplesAtOutputTimesScale()
    {
        var y = RunResize(alignCorners: false, halfPixelCenters: false);

        Assert.Equal(Planes([0f, 0.5f, 1, 1, 1, 1.5f, 2, 2, 2, 2.5f, 3, 3, 2, 2.5f, 3, 3]), y);
    }

    [Fact]
    public void Pad_HeightBeforeWidthAndChannelsAfter_PlacesZerosWhereTensorFlowDoes()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2, 2, 1)
            .ConstInts("paddings", [0, 0, 1, 0, 0, 1, 0, 1], 4, 2)
            .Node("pad", "Pad", ["x", "paddings"])
            .Output("y", "pad", 1, 3, 3, 2);

        var y = Run(model, [1f, 2, 3, 4], [1, 2, 2, 1]);

        Assert.Equal([0f, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 3, 0, 4, 0, 0, 0], y);
    }

    [Fact]
    public void Reshape_DynamicBatch_KeepsTheBatchOfTheRun()
    {
        var model = new TfjsModelBuilder()
            .Input("x", -1, 2, 2, 1)
            .ConstInts("shape", [-1, 4], 2)
            .Node("reshape", "Reshape", ["x", "shape"])
            .Output("y", "reshape", -1, 4);

        var outputs = OnnxRunner.Run(model.Convert(), ("x", [1f, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]));

        Assert.Equal([2, 4], outputs["y"].Shape);
        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8], outputs["y"].Values);
    }

    [Fact]
    public void Prelu_ChannelLastSlope_ScalesNegativesPerChannel()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 1, 2, 2)
            .Const("alpha", [0.5f, 0.25f], 1, 1, 2)
            .Node("prelu", "Prelu", ["x", "alpha"])
            .Output("y", "prelu", 1, 1, 2, 2);

        var y = Run(model, [-2f, -1, 0, 3], [1, 1, 2, 2]);

        Assert.Equal([-1f, -0.25f, 0, 3], y);
    }

    [Theory]
    [InlineData("Relu", new[] { -1f, 3f, 7f, 0.5f }, new[] { 0f, 3f, 7f, 0.5f })]
    [InlineData("Relu6", new[] { -1f, 3f, 7f, 6.5f }, new[] { 0f, 3f, 6f, 6f })]
    [InlineData("Sigmoid", new[] { 0f, 0f, 0f, 0f }, new[] { 0.5f, 0.5f, 0.5f, 0.5f })]
    [InlineData("Tanh", new[] { 0f, 0f, 0f, 0f }, new[] { 0f, 0f, 0f, 0f })]
    public void Activation_KnownValues_MatchTensorFlow(string op, float[] x, float[] expected)
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 4)
            .Node("act", op, ["x"])
            .Output("y", "act", 1, 4);

        Assert.Equal(expected, Run(model, x, [1, 4]));
    }

    [Fact]
    public void AddN_ThreeTerms_SumsThem()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2)
            .Const("c", [10f, 20f], 2)
            .Node("sum", "AddN", ["x", "c", "x"], new() { ["N"] = Int(3) })
            .Output("y", "sum", 1, 2);

        Assert.Equal([12f, 24], Run(model, [1f, 2], [1, 2]));
    }

    [Fact]
    public void SubMulBiasAdd_Chained_BroadcastOverTheLastAxis()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2, 2)
            .Const("bias", [1f, 2f], 2)
            .Const("scale", [3f], 1)
            .Node("biased", "BiasAdd", ["x", "bias"], new() { ["data_format"] = Text("NHWC") })
            .Node("scaled", "Mul", ["scale", "biased"])
            .Node("y", "Sub", ["scaled", "x"])
            .Output("y", "y", 1, 2, 2);

        // 3 (x + bias) - x = 2x + 3 bias.
        Assert.Equal([5f, 8, 9, 12], Run(model, [1f, 1, 3, 3], [1, 2, 2]));
    }

    [Fact]
    public void ConcatV2_NegativeAxis_JoinsChannels()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2, 1)
            .Const("c", [7f, 8f], 1, 2, 1)
            .ConstInts("axis", [-1])
            .Node("concat", "ConcatV2", ["x", "c", "axis"], new() { ["N"] = Int(2) })
            .Output("y", "concat", 1, 2, 2);

        Assert.Equal([1f, 7, 2, 8], Run(model, [1f, 2], [1, 2, 1]));
    }

    [Fact]
    public void Mean_HeightAndWidthKeepingDims_AveragesEachChannel()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2, 2, 2)
            .ConstInts("axes", [1, 2], 2)
            .Node("mean", "Mean", ["x", "axes"], new() { ["keep_dims"] = Bool(true) })
            .Output("y", "mean", 1, 1, 1, 2);

        var outputs = OnnxRunner.Run(model.Convert(), ("x", [1f, 10, 2, 20, 3, 30, 4, 40], [1, 2, 2, 2]));

        Assert.Equal([1, 1, 1, 2], outputs["y"].Shape);
        Assert.Equal([2.5f, 25], outputs["y"].Values);
    }

    [Fact]
    public void Const_Float16Quantised_IsDequantisedIntoTheGraph()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 3)
            .ConstFloat16("scale", [0.5f, -3f, 1024f], 3)
            .Node("mul", "Mul", ["x", "scale"])
            .Output("y", "mul", 1, 3);

        Assert.Equal([1f, -6, 2048], Run(model, [2f, 2, 2], [1, 3]));
    }

    /// <summary>Resizes the 2×2 image [0, 1; 2, 3] to 4×4, with a second channel ten times the first.</summary>
    private static float[] RunResize(bool alignCorners, bool halfPixelCenters)
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2, 2, 2)
            .ConstInts("size", [4, 4], 2)
            .Node("resize", "ResizeBilinear", ["x", "size"], new() { ["align_corners"] = Bool(alignCorners), ["half_pixel_centers"] = Bool(halfPixelCenters) })
            .Output("y", "resize", 1, 4, 4, 2);
        return Run(model, Planes([0f, 1, 2, 3]), [1, 2, 2, 2]);
    }

    private static float[] Planes(float[] plane) => plane.SelectMany(v => new[] { v, 10 * v }).ToArray();

    private static float[] Run(TfjsModelBuilder model, float[] x, int[] shape) =>
        OnnxRunner.Run(model.Convert(), ("x", x, shape))["y"].Values;
}
