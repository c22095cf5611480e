using System.Text.Json.Nodes;
using Headshots.Models.Tests.Onnx;

namespace Headshots.Models.Tests.Keras;

/// <summary>Nearest up-sampling followed by a convolution is converted as one small convolution and a DepthToSpace.</summary>
public sealed class KerasSubpixelConvTests
{
    [Fact]
    public void Convert_UpSamplingThenConv_MatchesHandComputedResult()
    {
        // [1 2] up-sampled by 2 is [1 1 2 2] on two rows; a same-padded 3×3 box sum of that, computed by hand:
        // top row 1+1 / 1+1+1+1+2+2 ... every row sees the same two rows, so both rows are equal.
        var model = new KerasTestModel()
            .Layer("UpSampling2D", "up", new JsonObject { ["size"] = new JsonArray(2, 2) }, "input_1")
            .Conv2D("box", "up", 1, 1, 3, Enumerable.Repeat(1f, 9).ToArray())
            .Convert();

        var output = OnnxRunner.Run(model, ("input", [1, 2], [1, 1, 2, 1]))["output"];

        Assert.Equal([1, 2, 4, 1], output.Shape);
        float[] row = [4, 8, 10, 8];
        Assert.Equal([.. row, .. row], output.Values);
    }

    [Theory]
    [InlineData(4, 3, 3, 2)]
    [InlineData(2, 5, 2, 3)]
    [InlineData(3, 3, 1, 1)]
    [InlineData(2, 2, 2, 2)]
    public void Convert_UpSamplingThenConv_FusedEqualsResizeThenConv(int scale, int kernel, int inputs, int filters)
    {
        var random = new Random(scale * 100 + kernel * 10 + inputs);
        var weights = Enumerable.Range(0, kernel * kernel * inputs * filters).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var bias = Enumerable.Range(0, filters).Select(_ => (float)random.NextDouble()).ToArray();
        var model = new KerasTestModel(channels: inputs)
            .Layer("UpSampling2D", "up", new JsonObject { ["size"] = new JsonArray(scale, scale) }, "input_1")
            .Conv2D("conv", "up", inputs, filters, kernel, weights, bias, activation: "relu");
        var (height, width) = (5, 7);
        var pixels = Enumerable.Range(0, height * width * inputs).Select(_ => (float)random.NextDouble() * 255).ToArray();

        var fused = OnnxRunner.Run(model.Convert(fuseUpSampling: true), ("input", pixels, [1, height, width, inputs]))["output"];
        var plain = OnnxRunner.Run(model.Convert(fuseUpSampling: false), ("input", pixels, [1, height, width, inputs]))["output"];

        Assert.Equal([1, height * scale, width * scale, filters], fused.Shape);
        Assert.Equal(plain.Shape, fused.Shape);
        for (var i = 0; i < plain.Values.Length; i++)
        {
            Assert.True(Math.Abs(plain.Values[i] - fused.Values[i]) < 1e-3f, $"Value {i}: {fused.Values[i]} fused, {plain.Values[i]} unfused.");
        }
    }

    [Fact]
    public void Convert_UpSamplingWithTwoReaders_IsKeptAndStillCorrect()
    {
        var model = new KerasTestModel()
            .Layer("UpSampling2D", "up", new JsonObject { ["size"] = new JsonArray(2, 2) }, "input_1")
            .Conv2D("box", "up", 1, 1, 3, Enumerable.Repeat(1f, 9).ToArray())
            .Layer("Add", "sum", new JsonObject(), "box", "up")
            .Convert();

        var output = OnnxRunner.Run(model, ("input", [1, 2], [1, 1, 2, 1]))["output"];

        float[] row = [5, 9, 12, 10];
        Assert.Equal([.. row, .. row], output.Values);
    }
}
