using System.Text.Json.Nodes;
using Headshots.Models.Tests.Onnx;

namespace Headshots.Models.Tests.Keras;

public sealed class KerasGraphTests
{
    [Fact]
    public void Convert_ConcatenateOnChannels_KeepsTheSourceOrder()
    {
        var model = new KerasTestModel()
            .Conv2D("double", "input_1", 1, 1, 1, [2])
            .Conv2D("negate", "input_1", 1, 1, 1, [-1])
            .Layer("Concatenate", "concat", new JsonObject { ["axis"] = 3 }, "double", "negate")
            .Convert();

        var output = OnnxRunner.Run(model, ("input", [1, 3], [1, 1, 2, 1]))["output"];

        Assert.Equal([1, 1, 2, 2], output.Shape);
        Assert.Equal([2f, -1f, 6f, -3f], output.Values);
    }

    [Fact]
    public void Convert_AddOfInputAndConv_SumsElementwise()
    {
        var model = new KerasTestModel()
            .Conv2D("double", "input_1", 1, 1, 1, [2])
            .Layer("Add", "sum", new JsonObject(), "input_1", "double")
            .Convert();

        Assert.Equal([3f, 6f], OnnxRunner.Run(model, ("input", [1, 2], [1, 1, 2, 1]))["output"].Values);
    }

    [Fact]
    public void Convert_UpSamplingNearest_RepeatsEachPixel()
    {
        var model = new KerasTestModel(channels: 2)
            .Layer("UpSampling2D", "up", new JsonObject { ["size"] = new JsonArray(2, 2), ["interpolation"] = "nearest" }, "input_1")
            .Convert();

        var output = OnnxRunner.Run(model, ("input", [1, 10, 2, 20], [1, 1, 2, 2]))["output"];

        Assert.Equal([1, 2, 4, 2], output.Shape);
        float[] row = [1, 10, 1, 10, 2, 20, 2, 20];
        Assert.Equal([.. row, .. row], output.Values);
    }

    [Fact]
    public void Convert_TwoBranchGraph_MatchesTheHandComputedResult()
    {
        // out = x + conv1x1(concat(relu(box3x3(x)), relu(-x))) with weights [1, 10]: a dense block in miniature.
        var model = new KerasTestModel()
            .Conv2D("box", "input_1", 1, 1, 3, Enumerable.Repeat(1f, 9).ToArray(), activation: "relu")
            .Conv2D("negate", "input_1", 1, 1, 1, [-1])
            .Layer("Activation", "negate_relu", new JsonObject { ["activation"] = "relu" }, "negate")
            .Layer("Concatenate", "concat", new JsonObject { ["axis"] = -1 }, "box", "negate_relu")
            .Conv2D("fuse", "concat", 2, 1, 1, [1, 10])
            .Layer("Add", "residual", new JsonObject(), "fuse", "input_1")
            .Convert();

        var output = OnnxRunner.Run(model, ("input", [1, -2, 3, -4, 5, -6, 7, -8, 9], [1, 3, 3, 1]))["output"];

        Assert.Equal([1f, 18f, 3f, 36f, 10f, 55f, 7f, 75f, 9f], output.Values);
    }

    [Fact]
    public void Convert_LayerNamedOutput_StillExposesOutputAndInput()
    {
        var model = new KerasTestModel().Layer("Activation", "output", new JsonObject { ["activation"] = "relu" }, "input_1").Convert();

        Assert.Equal([0f, 4f], OnnxRunner.Run(model, ("input", [-4, 4], [1, 1, 2, 1]))["output"].Values);
    }
}
