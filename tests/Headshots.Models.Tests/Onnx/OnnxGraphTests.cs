using Headshots.Models.Onnx;

namespace Headshots.Models.Tests.Onnx;

public sealed class OnnxGraphTests
{
    [Fact]
    public void ToModelBytes_AddWithConstant_RunsInOnnxRuntime()
    {
        var graph = new OnnxGraph("add");
        var x = graph.Input("x", 1, 3);
        var bias = graph.Constant("bias", [1f, 2f, 3f], 3);
        var sum = graph.Node("Add", [x, bias]);
        var y = graph.Identity(sum, "y");
        graph.Output(y, 1, 3);

        var outputs = OnnxRunner.Run(graph.ToModelBytes("test"), ("x", [10f, 20f, 30f], [1, 3]));

        Assert.Equal([11f, 22f, 33f], outputs["y"].Values);
    }

    [Fact]
    public void UniqueName_SameHintTwice_GivesDistinctNames()
    {
        var graph = new OnnxGraph("names");

        Assert.NotEqual(graph.UniqueName("conv"), graph.UniqueName("conv"));
    }
}
