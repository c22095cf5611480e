using Headshots.Engines;
using Headshots.GpuWorker.Handlers;
using Headshots.Jobs.Protocol;

namespace Headshots.GpuWorker.Tests.Handlers;

/// <summary>How handlers read a job's parameters and inputs, and the precision their results carry.</summary>
public sealed class JobDataTests
{
    static GpuJobMessage Job(Dictionary<string, string> parameters, params string[] inputs) =>
        new("j-3", "s-1", "i-1", GpuJobKinds.Enhance, inputs, "work/s-1/final/", parameters, 1);

    [Fact]
    public void Required_MissingOrBlank_InvalidJobNamingKindJobAndParameter()
    {
        var blank = Job(new() { ["look"] = " " }, "work/s-1/a.jpg");

        var missing = Assert.Throws<InvalidJobException>(() => JobData.Required(Job([], "work/s-1/a.jpg"), "look"));
        var empty = Assert.Throws<InvalidJobException>(() => JobData.Required(blank, "look"));

        Assert.Equal("The enhance job j-3 has no 'look' parameter.", missing.Message);
        Assert.Equal("The enhance job j-3 has no 'look' parameter.", empty.Message);
    }

    [Fact]
    public void Required_Present_TheValue()
    {
        Assert.Equal("corporate-grey", JobData.Required(Job(new() { ["look"] = "corporate-grey" }, "work/s-1/a.jpg"), "look"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Flag_AbsentOrBoolean_TheFlag(string? value, bool expected)
    {
        var parameters = value is null ? new Dictionary<string, string>() : new() { ["keep"] = value };

        Assert.Equal(expected, JobData.Flag(Job(parameters, "work/s-1/a.jpg"), "keep"));
    }

    [Fact]
    public void Flag_NotABoolean_InvalidJobNamingTheValue()
    {
        var error = Assert.Throws<InvalidJobException>(() => JobData.Flag(Job(new() { ["keep"] = "yes" }, "work/s-1/a.jpg"), "keep"));

        Assert.Equal("The enhance job j-3 has 'keep' = 'yes'; expected true or false.", error.Message);
    }

    [Fact]
    public void SingleInput_TwoInputs_InvalidJobCountingThem()
    {
        var error = Assert.Throws<InvalidJobException>(() => JobData.SingleInput(Job([], "work/s-1/a.jpg", "work/s-1/b.jpg")));

        Assert.Equal("The enhance job j-3 needs exactly one input, got 2.", error.Message);
    }

    [Fact]
    public void SingleInput_OneInput_ThatInput()
    {
        Assert.Equal("work/s-1/a.jpg", JobData.SingleInput(Job([], "work/s-1/a.jpg")));
    }

    [Theory]
    [InlineData("work/s-1/candidates/look-01-00.jpg", "look-01-00")]
    [InlineData("work/s-1/final/archive.tar.gz", "archive.tar")]
    [InlineData("work/s-1/final/README", "README")]
    [InlineData("work/s-1/final/.hidden", ".hidden")]
    public void Stem_BlobPath_FileNameWithoutItsLastExtension(string path, string expected)
    {
        Assert.Equal(expected, JobData.Stem(path));
    }

    [Fact]
    public void Parameters_ParserRefuses_InvalidJobNamingKindJobAndTheParsersReason()
    {
        var job = Job(new() { ["look"] = "corporate-grey" }, "work/s-1/a.jpg");

        var error = Assert.Throws<InvalidJobException>(() => JobData.Parameters(job, EnhanceJobParameters.Parse));

        Assert.Equal("The enhance job j-3: 'look' and 'variant' go together: give both, or neither.", error.Message);
    }

    [Fact]
    public void Measurements_ManyDecimals_RoundedToFourWithTheImageSize()
    {
        var measured = JobData.Measurements(new PhotoMeasurements(12.345678, 0.00004999, 0.00006, -1.234567), 800, 1000);

        Assert.Equal(new ImageMeasurements(800, 1000, 12.3457, 0, 0.0001, -1.2346), measured);
    }

    [Fact]
    public void Source_NoneOrReframed_NullOrTheRoundedFrameWidth()
    {
        Assert.Null(JobData.Source(null));
        Assert.Equal(new PhotoSource(12_000_000, 0.3333), JobData.Source(new CandidateSource(12_000_000, 1.0 / 3)));
    }
}
