using System.Text.Json.Nodes;

namespace Headshots.Models.Tests.Keras;

public sealed class KerasConverterErrorTests
{
    [Fact]
    public void Convert_UnknownLayer_NamesTheLayerAndItsClass()
    {
        var model = new KerasTestModel().Layer("Dense", "classifier", new JsonObject { ["units"] = 4 }, "input_1");

        var error = Assert.Throws<ModelConversionException>(() => model.Convert());

        Assert.Contains("classifier", error.Message, StringComparison.Ordinal);
        Assert.Contains("Dense", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_LambdaLayer_ExplainsWhyItCannotBeConverted()
    {
        var model = new KerasTestModel().Layer("Lambda", "scale", new JsonObject { ["function"] = "x * 2" }, "input_1");

        var error = Assert.Throws<ModelConversionException>(() => model.Convert());

        Assert.Contains("'scale' is a Lambda layer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MissingKernel_NamesTheWeight()
    {
        var model = new KerasTestModel().Conv2D("conv", "input_1", 1, 1, 1, [1]);
        model.Layer("Conv2D", "orphan", new JsonObject { ["filters"] = 1, ["kernel_size"] = 1, ["use_bias"] = false }, "conv");

        var error = Assert.Throws<ModelConversionException>(() => model.Convert());

        Assert.Contains("orphan/kernel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_BilinearUpSampling_IsRefused()
    {
        var model = new KerasTestModel().Layer("UpSampling2D", "up", new JsonObject { ["interpolation"] = "bilinear" }, "input_1");

        var error = Assert.Throws<ModelConversionException>(() => model.Convert());

        Assert.Contains("bilinear", error.Message, StringComparison.Ordinal);
    }
}
