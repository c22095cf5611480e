using Headshots.Engines.Upscaling;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Tests.Support;

/// <summary>
/// The converted ESRGAN-slim x4 model at .cache/models/esrgan-slim-x4.onnx under the repository root, written by
/// <c>./headshots models fetch</c>. One session for the whole test run: loading it takes a while and Run is thread-safe.
/// </summary>
internal static class EsrganModel
{
    public const string RelativePath = ".cache/models/esrgan-slim-x4.onnx";

    static readonly Lazy<InferenceSession> Shared = new(Open);

    public static InferenceSession Session => Shared.Value;

    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), RelativePath);

    public static EsrganUpscaler Upscaler(EsrganTiling? tiling = null) => new(Session, tiling);

    static InferenceSession Open()
    {
        // A missing model must fail, not skip: a skipped suite looks green and tests nothing.
        Assert.True(File.Exists(Path), $"The ESRGAN model is missing: {Path}. Run: ./headshots models fetch (from {RepositoryRoot()}).");
        using var options = EsrganUpscaler.CreateSessionOptions();
        return new InferenceSession(Path, options);
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HeadshotFunctions.sln"))) return dir.FullName;
        }

        Assert.Fail($"No repository root (HeadshotFunctions.sln) above {AppContext.BaseDirectory}; run the tests from a checkout.");
        return "";
    }
}
