namespace Headshots.GpuWorker.Processing;

/// <summary>Where the worker reads its prepared models when <see cref="WorkerOptions.ModelsPath"/> is not set.</summary>
public static class ModelsFolder
{
    public static string Resolve(WorkerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ModelsPath))
        {
            return Path.GetFullPath(options.ModelsPath);
        }

        // The container image carries its models beside the program.
        var beside = Path.Combine(AppContext.BaseDirectory, "models");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        // A checkout: ./headshots models fetch writes .cache/models at the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeadshotFunctions.sln")))
            {
                return Path.Combine(dir.FullName, ".cache", "models");
            }
        }

        return beside;
    }
}
