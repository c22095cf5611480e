using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Jobs.Protocol;

namespace Headshots.Engines.Tests.Diffusion.Pipeline;

/// <summary>The diffuse job's parameters as the worker reads them, and the engine's ranges.</summary>
public sealed class DiffuseJobParametersTests
{
    private static Dictionary<string, string> Valid() => new()
    {
        ["prompt"] = "studio portrait",
        ["seed"] = "-12",
        ["width"] = "832",
        ["height"] = "1216",
        ["steps"] = "30",
        ["strength"] = "0.3",
        ["sampler"] = "dpmpp-2m-karras",
        ["name"] = "look-01",
    };

    [Fact]
    public void Parse_AllParameters_Typed()
    {
        var parsed = DiffuseJobParameters.Parse(Valid());

        Assert.Equal(new DiffuseJobParameters("studio portrait", null, -12, 832, 1216, 30, 0.3, "dpmpp-2m-karras", "look-01"), parsed);
    }

    [Fact]
    public void ToParameters_ThenParse_SameParameters()
    {
        var original = new DiffuseJobParameters("a", "b", int.MinValue, 1024, 1024, 25, 0.25, DiffuseJob.EulerAncestral, "x-1", 5.5);

        Assert.Equal(original, DiffuseJobParameters.Parse(original.ToParameters()));
    }

    [Theory]
    [InlineData("prompt", null, "'prompt' is missing")]
    [InlineData("prompt", " ", "'prompt' is missing")]
    [InlineData("seed", "1.5", "'seed' is '1.5'")]
    [InlineData("width", "-64", "'width' is '-64'")]
    [InlineData("height", "big", "'height' is 'big'")]
    [InlineData("steps", null, "'steps' is missing")]
    [InlineData("strength", "NaN", "'strength' is 'NaN'")]
    [InlineData("sampler", "ddim", "expected euler-a or dpmpp-2m-karras")]
    [InlineData("name", "../x", "letters, digits and '-'")]
    [InlineData("name", "a.png", "letters, digits and '-'")]
    [InlineData("guidance", "lots", "'guidance' is 'lots'")]
    public void Parse_BadParameter_SaysWhich(string name, string? value, string expected)
    {
        var parameters = Valid();
        if (value is null) parameters.Remove(name);
        else parameters[name] = value;

        var error = Assert.Throws<FormatException>(() => DiffuseJobParameters.Parse(parameters));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(60, 64, 30, 0.3, 7f, "multiples of 8")]
    [InlineData(64, 4096, 30, 0.3, 7f, "multiples of 8")]
    [InlineData(64, 64, 0, 0.3, 7f, "Steps must be")]
    [InlineData(64, 64, 151, 0.3, 7f, "Steps must be")]
    [InlineData(64, 64, 30, 1.5, 7f, "Strength must be")]
    [InlineData(64, 64, 30, -0.1, 7f, "Strength must be")]
    [InlineData(64, 64, 30, 0.3, 0.5f, "guidance scale")]
    public void Problem_OutOfRange_SaysWhat(int width, int height, int steps, double strength, float guidance, string expected)
    {
        var request = new DiffusionRequest("p", null, 1, width, height, steps, strength, DiffusionSamplerKind.EulerAncestral, guidance);

        Assert.Contains(expected, request.Problem());
    }

    [Fact]
    public void Problem_RealSize_None()
    {
        Assert.Null(new DiffusionRequest("p", null, 1, 832, 1216, 30, 0.3, DiffusionSamplerKind.EulerAncestral).Problem());
    }

    [Fact]
    public void OutputPath_PrefixAndName_APng()
    {
        Assert.Equal("work/shoot-1/diffused/look-01.png", DiffuseJob.OutputPath("work/shoot-1/diffused/", "look-01"));
    }
}
