using Headshots.Models.Diffusion;

namespace Headshots.GpuWorker.Processing;

/// <summary>Where the worker reads the SDXL inpainting models, and whether they are there.</summary>
internal static class DiffusionModelsFolder
{
    /// <summary>The keyed <c>OnnxModels</c> over this folder, apart from the face models' one.</summary>
    public const string ServiceKey = "diffusion";

    public static string Resolve(WorkerOptions options) =>
        !string.IsNullOrWhiteSpace(options.DiffusionModelsPath)
            ? Path.GetFullPath(options.DiffusionModelsPath)
            : Path.Combine(ModelsFolder.Resolve(options), "diffusion");

    /// <summary>Every component's model file and record is in place (their hashes are checked when each loads).</summary>
    public static bool HasModels(string folder) => SdxlComponents.All.All(component =>
        File.Exists(Path.Combine(folder, SdxlComponents.ModelId(component) + ".onnx"))
        && File.Exists(Path.Combine(folder, SdxlComponents.ModelId(component) + ".json")));
}
