namespace Headshots.GpuWorker.Tests;

/// <summary>Files in the repository under test, found from the test assembly's folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeadshotFunctions.sln")) && Directory.Exists(Path.Combine(dir.FullName, "gpu-worker")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (HeadshotFunctions.sln + gpu-worker/) above {AppContext.BaseDirectory}.");
    }
}
