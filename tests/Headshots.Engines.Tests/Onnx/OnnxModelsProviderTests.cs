using Headshots.Engines.Onnx;
using Headshots.Engines.Tests.Support;

namespace Headshots.Engines.Tests.Onnx;

/// <summary>What each model session runs on, as the worker's health endpoint reports it.</summary>
public sealed class OnnxModelsProviderTests
{
    [Fact]
    public void CudaAskedOnTheCpuBuild_RunsOnTheCpuAndSaysSo()
    {
        var folder = Path.Combine(SamplePhotos.RepositoryRoot, ".cache", "models");
        using var models = new OnnxModels(new OnnxSettings(folder, "cuda", IntraOpThreads: 1));

        var provider = models.ProviderOf(ModelIds.Selfie);

        // The CPU package (local, CI) carries no CUDA provider; the container's GPU build does.
        Assert.Contains("CPUExecutionProvider", OnnxModels.AvailableProviders());
        Assert.DoesNotContain("CUDAExecutionProvider", OnnxModels.AvailableProviders());
        Assert.Equal("CPUExecutionProvider", provider);
        var loaded = Assert.Single(models.LoadedModels);
        Assert.Equal((ModelIds.Selfie, "CPUExecutionProvider"), (loaded.Id, loaded.Provider));
        Assert.Matches("^[0-9a-f]{64}$", loaded.Sha256);
    }
}
