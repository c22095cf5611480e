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
    public static IReadOnlyDictionary<string, bool> Options { get; } = new Dictionary<string, bool> { ["diffusion"] = false };

    public static Task<int> RunAsync(CliArguments a, CancellationToken cancellationToken)
    {
        var paths = RepositoryPaths.Find();
        return a.Positionals.SingleOrDefault() switch
        {
            "fetch" when a.Flag("diffusion") => FetchDiffusionAsync(paths, cancellationToken),
            "fetch" => ModelFetchCommand.RunAsync(paths.Models, paths.Packages, Console.Out, cancellationToken),
            "list" => Task.FromResult(List(paths)),
            null => throw new CliException("Say what to do with the models: ./headshots models fetch, or ./headshots models list."),
            var other => throw new CliException($"Unknown models command '{other}'; use fetch or list."),
        };
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
