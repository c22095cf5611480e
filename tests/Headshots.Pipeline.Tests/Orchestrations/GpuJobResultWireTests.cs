using System.Text.Json;
using Headshots.Jobs.Protocol;

namespace Headshots.Pipeline.Tests.Orchestrations;

/// <summary>The gpu-results message as the worker writes it and the orchestrations read it, including across an upgrade.</summary>
public sealed class GpuJobResultWireTests
{
    /// <summary>An inspect result as the worker before typed results wrote it: string values in "data", no version.</summary>
    internal static string StringDictionaryResult(string jobId, string instanceId, string output) => $$"""
        {"jobId":"{{jobId}}","instanceId":"{{instanceId}}","succeeded":true,"outputs":["{{output}}"],
         "data":{"verdict":"accepted","width":"1024","height":"1280","format":"JPEG","sharpness":"120.5","meanLuma":"118"},
         "engine":"magick","seconds":0.2}
        """;

    [Fact]
    public void Deserialize_IdentityResult_ReadsBackTheRankingAndComparisonAsWritten()
    {
        var written = GpuJobResult.Success("identity", "shoot-1", new IdentityResult("work/s/identity/profile.json",
            ["work/s/photos/p03.jpg", "work/s/photos/p01.jpg"], 1,
            new IdentityComparison([new RejectedPhoto("work/s/photos/p02.jpg", "someone_else", "This looks like someone else.", "Upload only photos of you.", 0.93)],
                new Dictionary<string, double> { ["work/s/photos/p01.jpg"] = 0.31, ["work/s/photos/p02.jpg"] = 0.93 }, null)), "magick+dlib", 1.5);

        var json = JobJson.Serialize(written);
        var read = JobJson.Deserialize<GpuJobResult>(json).ReadableAs(GpuJobKinds.Identity);

        Assert.Equal("identity", JsonDocument.Parse(json).RootElement.GetProperty("values").GetProperty("$type").GetString());
        var identity = read.ValuesAs<IdentityResult>()!;
        Assert.Equal(["work/s/photos/p03.jpg", "work/s/photos/p01.jpg"], identity.Ranked);
        Assert.Equal(["work/s/identity/profile.json"], read.Outputs);
        var rejected = Assert.Single(identity.Comparison!.Rejected);
        Assert.Equal(("work/s/photos/p02.jpg", "someone_else", 0.93), (rejected.Path, rejected.Code, rejected.IdentityDistance));
        Assert.Equal(0.31, identity.Comparison.Distances["work/s/photos/p01.jpg"]);
    }

    [Fact]
    public void Deserialize_ValuesTagNotFirst_StillReadsTheKindsRecord()
    {
        const string json = """
            {"values":{"paths":["work/s/references/00.jpg"],"withoutFace":0,"$type":"references"},
             "jobId":"references","instanceId":"i","succeeded":true,"outputs":["work/s/references/00.jpg"],"engine":"ReferenceCrop","seconds":0.1,"version":2}
            """;

        var read = JobJson.Deserialize<GpuJobResult>(json).ReadableAs(GpuJobKinds.References);

        Assert.Equal(["work/s/references/00.jpg"], read.ValuesAs<ReferencesResult>()!.Paths);
    }

    [Fact]
    public void ReadableAs_ResultOfTheStringDictionaryWorker_IsAFailureNamingBothVersionsAndWhatToDo()
    {
        var old = JobJson.Deserialize<GpuJobResult>(StringDictionaryResult("inspect-000", "shoot-1", "work/s/photos/p01.jpg"));

        var read = old.ReadableAs(GpuJobKinds.Inspect);

        Assert.False(read.Succeeded);
        Assert.Equal(GpuJobResult.UnreadableCode, read.ErrorCode);
        Assert.Contains("protocol version 0", read.Error, StringComparison.Ordinal);
        Assert.Contains($"reads version {GpuJobResult.CurrentVersion}", read.Error, StringComparison.Ordinal);
        Assert.Contains("Deploy the GPU worker and the Functions app from the same release", read.Error, StringComparison.Ordinal);
        Assert.Null(read.ValuesAs<InspectResult>());
    }

    [Fact]
    public void ReadableAs_ValuesOfAnotherKind_IsAFailureNamingTheRecordFound()
    {
        var enhanced = GpuJobResult.Success("upscale-x", "shoot-1", new EnhanceResult("work/s/enhanced/x.jpg", new ImageMeasurements(1, 1, 1, 0, 0, 1)), "fake", 0.1);

        var read = enhanced.ReadableAs(GpuJobKinds.Upscale);

        Assert.Equal(GpuJobResult.UnreadableCode, read.ErrorCode);
        Assert.Contains("carries EnhanceResult, not UpscaleResult", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadableAs_FailureOfTheCurrentVersion_KeepsTheWorkersError()
    {
        var failed = JobJson.Deserialize<GpuJobResult>(JobJson.Serialize(GpuJobResult.Failure("inspect-000", "shoot-1", "failed", "The input blob 'x' does not exist.")));

        var read = failed.ReadableAs(GpuJobKinds.Inspect);

        Assert.Equal(("failed", "The input blob 'x' does not exist."), (read.ErrorCode, read.Error));
    }

    [Fact]
    public void Deserialize_EnhanceResultWithoutBase_ReadsAsAResultWithNoBase()
    {
        // As a worker before the full-resolution base wrote it.
        const string json = """
            {"jobId":"enhance-x","instanceId":"i","succeeded":true,"outputs":["work/s/enhanced/x.jpg"],"engine":"fake","seconds":0.1,"version":2,
             "values":{"$type":"enhance","path":"work/s/enhanced/x.jpg","measurements":{"width":1024,"height":1280,"sharpness":100,"clippedHighlights":0,"crushedShadows":0,"meanLuma":118}}}
            """;

        var enhanced = JobJson.Deserialize<GpuJobResult>(json).ReadableAs(GpuJobKinds.Enhance).ValuesAs<EnhanceResult>()!;

        Assert.Equal(("work/s/enhanced/x.jpg", (string?)null), (enhanced.Path, enhanced.BasePath));
    }

    [Fact]
    public void Serialize_EnhanceResultWithBase_ListsTheBaseAmongTheOutputsAndReadsItBack()
    {
        var written = GpuJobResult.Success("enhance-x", "i", new EnhanceResult("work/s/enhanced/x.jpg", new ImageMeasurements(2114, 2642, 100, 0, 0, 118),
            new PhotoSource(5_200_000, 2114), "work/s/enhanced/x-base.jpg"), "fake", 0.1);

        var read = JobJson.Deserialize<GpuJobResult>(JobJson.Serialize(written)).ReadableAs(GpuJobKinds.Enhance);

        Assert.Equal(["work/s/enhanced/x.jpg", "work/s/enhanced/x-base.jpg"], read.Outputs);
        Assert.Equal("work/s/enhanced/x-base.jpg", read.ValuesAs<EnhanceResult>()!.BasePath);
    }
}
