using Headshots.Jobs.Protocol;

namespace Headshots.Pipeline.Tests.Orchestrations;

/// <summary>The job messages' parameters as the orchestrations write them and the worker reads them back.</summary>
public sealed class GpuJobParametersTests
{
    [Fact]
    public void Parse_WhatTheOrchestrationWrote_ReadsTheSameParametersForEveryKind()
    {
        var generate = new GenerateJobParameters("corporate-grey", 4, "work/s/identity/profile.json");
        var assess = new AssessJobParameters("bw-editorial", "bw-editorial-g01", null);
        var identity = new IdentityJobParameters(8);
        var upscale = new UpscaleJobParameters("4:5", true);
        var edit = new EditJobParameters("hair", "work/s/refine/r1/generated-1.png");

        Assert.Equal(generate, GenerateJobParameters.Parse(generate.ToParameters()));
        Assert.Equal(assess, AssessJobParameters.Parse(assess.ToParameters()));
        Assert.Equal(identity, IdentityJobParameters.Parse(identity.ToParameters()));
        Assert.Equal(upscale, UpscaleJobParameters.Parse(upscale.ToParameters()));
        Assert.Equal(edit, EditJobParameters.Parse(edit.ToParameters()));
    }

    [Fact]
    public void ToParameters_Generate_WritesTheKeysAWorkerOfThePreviousReleaseReads()
    {
        var written = new GenerateJobParameters("corporate-grey", 1, "work/s/identity/profile.json").ToParameters();

        Assert.Equal(new Dictionary<string, string> { ["look"] = "corporate-grey", ["variant"] = "1", ["identity"] = "work/s/identity/profile.json" }, written);
        Assert.Equal(new Dictionary<string, string> { ["aspect"] = "1:1", ["webp"] = "false" }, new UpscaleJobParameters("1:1", false).ToParameters());
        Assert.Equal(new Dictionary<string, string> { ["minAccepted"] = "8" }, new IdentityJobParameters(8).ToParameters());
    }

    [Fact]
    public void Parse_IdentityWithoutMinAccepted_AsksForOnePhoto()
    {
        Assert.Equal(1, IdentityJobParameters.Parse(new Dictionary<string, string>()).MinAccepted);
    }

    [Fact]
    public void Parse_RefineWithoutAGenerativeEdit_HasNoEditParameters()
    {
        Assert.Null(EditJobParameters.Parse(new Dictionary<string, string> { ["skinSmoothing"] = "0.2" }));
    }

    public static TheoryData<Func<Dictionary<string, string>, object?>, Dictionary<string, string>, string> BadParameters() => new()
    {
        { p => GenerateJobParameters.Parse(p), new() { ["variant"] = "0" }, "'look' is missing" },
        { p => GenerateJobParameters.Parse(p), new() { ["look"] = "corporate-grey", ["variant"] = "-1" }, "'variant' is '-1'; expected a whole number without sign" },
        { p => AssessJobParameters.Parse(p), new() { ["look"] = "corporate-grey", ["name"] = "../x" }, "'name' is '../x'; expected 1 to 64 letters, digits and '-'" },
        { p => IdentityJobParameters.Parse(p), new() { ["minAccepted"] = "many" }, "'minAccepted' is 'many'" },
        { p => UpscaleJobParameters.Parse(p), new() { ["webp"] = "true" }, "'aspect' is missing" },
        { p => UpscaleJobParameters.Parse(p), new() { ["aspect"] = "4:5", ["webp"] = "yes" }, "'webp' is 'yes'; expected true or false" },
        { p => EditJobParameters.Parse(p), new() { ["region"] = "shoes" }, "'region' is 'shoes'; use hair, expression, clothing, background" },
        { p => EditJobParameters.Parse(p), new() { ["generated"] = "work/s/g.png" }, "'region' is missing" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void Parse_BadParameter_SaysWhichAndWhatIsExpected(Func<Dictionary<string, string>, object?> parse, Dictionary<string, string> parameters, string expected)
    {
        var error = Assert.Throws<FormatException>(() => parse(parameters));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
