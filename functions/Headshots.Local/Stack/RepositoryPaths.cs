namespace Headshots.Local.Stack;

/// <summary>Where the checkout, its tools and its local data are.</summary>
public sealed record RepositoryPaths(string Root)
{
    public string Tools => Path.Combine(Root, "tools");
    public string AzuriteScript => Path.Combine(Tools, "node_modules", "azurite", "dist", "src", "azurite.js");
    public string Data => Path.Combine(Root, ".data");
    public string Cache => Path.Combine(Root, ".cache");
    public string Samples => Path.Combine(Cache, "samples");
    public string Models => Path.Combine(Cache, "models");
    public string Packages => Path.Combine(Cache, "packages");
    public string HostJson => Path.Combine(Root, "host.json");

    /// <summary>The checkout containing this program: HEADSHOTS_ROOT, or the nearest folder up with HeadshotFunctions.sln.</summary>
    public static RepositoryPaths Find()
    {
        var env = Environment.GetEnvironmentVariable("HEADSHOTS_ROOT");
        if (!string.IsNullOrEmpty(env)) return new RepositoryPaths(Path.GetFullPath(env));
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HeadshotFunctions.sln"))) return new RepositoryPaths(dir.FullName);
            }
        }
        throw new InvalidOperationException("Cannot find the repository (HeadshotFunctions.sln); run from the checkout or set HEADSHOTS_ROOT.");
    }
}
