using System.Text.Json.Nodes;
using Headshots.Models.Onnx.Proto;
using Headshots.Models.Tests.Onnx;
using Headshots.Models.Tfjs;

namespace Headshots.Models.Tests.Tfjs;

/// <summary>The model as a whole: its boundary names and shapes, and what it refuses.</summary>
public sealed class TfjsGraphConverterTests
{
    [Fact]
    public void Convert_SignatureKeysWithTensorSuffix_NameInputsAndOutputsWithoutIt()
    {
        // As in selfie.json: keys 'input_1:0' and 'activation_10:0', and a node named like the output.
        var model = new TfjsModelBuilder()
            .Input("input_1:0", "input_1", 1, 2)
            .Node("activation_10", "Sigmoid", ["input_1"])
            .Output("activation_10:0", "activation_10", 1, 2);

        var graph = ModelProto.Parser.ParseFrom(model.Convert()).Graph;

        Assert.Equal(["input_1"], graph.Input.Select(i => i.Name));
        Assert.Equal(["activation_10"], graph.Output.Select(o => o.Name));
    }

    [Fact]
    public void Convert_SignatureKeyWithPunctuation_ReplacesItWithUnderscores()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2)
            .Node("relu", "Relu", ["x"])
            .Output("mesh/points-3d", "relu", 1, 2);

        var graph = ModelProto.Parser.ParseFrom(model.Convert()).Graph;

        Assert.Equal("mesh_points_3d", graph.Output.Single().Name);
    }

    [Fact]
    public void Convert_BatchOfMinusOne_GivesADynamicDimensionAndRunsTwoImages()
    {
        var attributes = TfjsModelBuilder.Window("SAME");
        var model = new TfjsModelBuilder()
            .Input("x", -1, 2, 2, 1)
            .Const("w", [2f], 1, 1, 1, 1)
            .Node("conv", "Conv2D", ["x", "w"], attributes)
            .Output("y", "conv", -1, 2, 2, 1);
        var bytes = model.Convert();

        var batch = ModelProto.Parser.ParseFrom(bytes).Graph.Input.Single().Type.TensorType.Shape.Dim[0];
        var outputs = OnnxRunner.Run(bytes, ("x", [1f, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]));

        Assert.NotEmpty(batch.DimParam);
        Assert.Equal([2, 2, 2, 1], outputs["y"].Shape);
        Assert.Equal([2f, 4, 6, 8, 10, 12, 14, 16], outputs["y"].Values);
    }

    [Fact]
    public void Convert_UnsupportedOp_NamesTheOpAndTheNode()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2)
            .Node("odd/node", "Softplus", ["x"])
            .Output("y", "odd/node", 1, 2);

        var error = Assert.Throws<ModelConversionException>(model.Convert);

        Assert.Contains("Softplus", error.Message, StringComparison.Ordinal);
        Assert.Contains("odd/node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UnsupportedOpNoOutputNeeds_IsLeftOut()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 2)
            .Node("unused", "Softplus", ["x"])
            .Node("relu", "Relu", ["x"])
            .Output("y", "relu", 1, 2);

        var graph = ModelProto.Parser.ParseFrom(model.Convert()).Graph;

        Assert.DoesNotContain(graph.Node, n => n.OpType == "Softplus");
    }

    [Fact]
    public void Convert_OutputShapeDisagreeingWithSignature_Throws()
    {
        var model = new TfjsModelBuilder()
            .Input("x", 1, 4, 4, 1)
            .Const("w", [1f], 1, 1, 1, 1)
            .Node("conv", "Conv2D", ["x", "w"], TfjsModelBuilder.Window("VALID", stride: 2))
            .Output("y", "conv", 1, 4, 4, 1);

        var error = Assert.Throws<ModelConversionException>(model.Convert);

        Assert.Contains("[1,2,2,1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_LayersModel_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("tfjs-test-");
        try
        {
            var path = Path.Combine(folder.FullName, "model.json");
            File.WriteAllText(path, new JsonObject { ["format"] = "layers-model" }.ToJsonString());

            var error = Assert.Throws<ModelConversionException>(() => TfjsGraphConverter.Convert(path));

            Assert.Contains("layers-model", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
