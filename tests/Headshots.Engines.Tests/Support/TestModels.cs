using Headshots.Engines.Onnx;

namespace Headshots.Engines.Tests.Support;

/// <summary>
/// The prepared ONNX models in .cache/models (written by ./headshots models fetch, which the test command runs),
/// one session per model for the whole test run, as in the worker.
/// </summary>
internal static class TestModels
{
    static readonly Lazy<OnnxModels> Shared = new(Create);

    public static OnnxModels Models => Shared.Value;

    static OnnxModels Create()
    {
        var folder = Path.Combine(SamplePhotos.RepositoryRoot, ".cache", "models");
        // Missing models must fail loudly: a skipped model suite looks green and tests nothing.
        Assert.True(
            File.Exists(Path.Combine(folder, $"{ModelIds.FaceEmbedding}.json")),
            $"The ONNX models are missing from {folder}. Run: ./headshots models fetch");
        return new OnnxModels(new OnnxSettings(folder, "cpu", IntraOpThreads: 2));
    }
}
