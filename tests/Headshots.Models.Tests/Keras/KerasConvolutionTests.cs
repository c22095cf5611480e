using System.Text.Json.Nodes;
using Headshots.Models.Tests.Onnx;

namespace Headshots.Models.Tests.Keras;

public sealed class KerasConvolutionTests
{
    static readonly float[] OneToNine = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Convert_Conv2DSamePadding_SumsTheZeroPaddedNeighbourhood()
    {
        var model = new KerasTestModel().Conv2D("box", "input_1", 1, 1, 3, Enumerable.Repeat(1f, 9).ToArray()).Convert();

        var output = OnnxRunner.Run(model, ("input", OneToNine, [1, 3, 3, 1]))["output"];

        Assert.Equal([1, 3, 3, 1], output.Shape);
        Assert.Equal([12f, 21f, 16f, 27f, 45f, 33f, 24f, 39f, 28f], output.Values);
    }

    [Fact]
    public void Convert_Conv2DValidPadding_ShrinksByTheKernel()
    {
        var model = new KerasTestModel().Conv2D("valid", "input_1", 1, 1, 2, [1, 2, 3, 4], padding: "valid").Convert();

        var output = OnnxRunner.Run(model, ("input", OneToNine, [1, 3, 3, 1]))["output"];

        Assert.Equal([1, 2, 2, 1], output.Shape);
        Assert.Equal([37f, 47f, 67f, 77f], output.Values);
    }

    [Fact]
    public void Convert_EvenKernelSamePadding_PadsAtTheEndLikeTensorFlow()
    {
        var model = new KerasTestModel().Conv2D("even", "input_1", 1, 1, 2, [1, 1, 1, 1]).Convert();

        var output = OnnxRunner.Run(model, ("input", OneToNine, [1, 3, 3, 1]))["output"];

        Assert.Equal([12f, 16f, 9f, 24f, 28f, 15f, 15f, 17f, 9f], output.Values);
    }

    [Fact]
    public void Convert_Conv2DWithBiasAndRelu_MapsChannelsThroughTheKernelLayout()
    {
        // Kernel [1, 1, in 2, out 3]: out0 = in0, out1 = in1, out2 = in1 - in0.
        float[] kernel = [1, 0, -1, 0, 1, 1];
        var model = new KerasTestModel(channels: 2)
            .Conv2D("mix", "input_1", 2, 3, 1, kernel, bias: [0.5f, -1f, 0f], activation: "relu")
            .Convert();

        var output = OnnxRunner.Run(model, ("input", [1, 2, 3, -4], [1, 1, 2, 2]))["output"];

        Assert.Equal([1, 1, 2, 3], output.Shape);
        Assert.Equal([1.5f, 1f, 1f, 3.5f, 0f, 0f], output.Values);
    }

    [Fact]
    public void Convert_ActivationLayers_ApplyTheirFunctions()
    {
        var relu = new KerasTestModel().Layer("Activation", "act", new JsonObject { ["activation"] = "relu" }, "input_1").Convert();
        var leaky = new KerasTestModel().Layer("LeakyReLU", "leaky", new JsonObject { ["alpha"] = 0.1 }, "input_1").Convert();
        var sigmoid = new KerasTestModel().Layer("Activation", "sig", new JsonObject { ["activation"] = "sigmoid" }, "input_1").Convert();

        Assert.Equal([0f, 2f], OnnxRunner.Run(relu, ("input", [-1, 2], [1, 1, 2, 1]))["output"].Values);
        Assert.Equal([-1f, 5f], OnnxRunner.Run(leaky, ("input", [-10, 5], [1, 1, 2, 1]))["output"].Values);
        Assert.Equal(0.5f, OnnxRunner.Run(sigmoid, ("input", [0], [1, 1, 1, 1]))["output"].Values[0]);
    }

    [Fact]
    public void Convert_PReLUWithSharedAxes_UsesOneSlopePerChannel()
    {
        var model = new KerasTestModel(channels: 2)
            .Weight("prelu/alpha", [1, 1, 2], [0.5f, 0.25f])
            .Layer("PReLU", "prelu", new JsonObject { ["shared_axes"] = new JsonArray(1, 2) }, "input_1")
            .Convert();

        var output = OnnxRunner.Run(model, ("input", [-2, -2, 3, 3], [1, 1, 2, 2]))["output"];

        Assert.Equal([-1f, -0.5f, 3f, 3f], output.Values);
    }
}
