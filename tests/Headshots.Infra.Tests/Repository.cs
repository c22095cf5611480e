namespace Headshots.Infra.Tests;

/// <summary>Paths in the repository under test, found from the test assembly's folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string InfraDirectory => Path.Combine(Root, "infra-bicep");

    public static string MainBicep => Path.Combine(InfraDirectory, "main.bicep");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Combine(parts));

    /// <summary>Every .bicep file under infra-bicep/, as paths relative to the repository root.</summary>
    public static IReadOnlyList<string> BicepFiles { get; } =
        Directory.EnumerateFiles(Path.Combine(Root, "infra-bicep"), "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "azure.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "infra-bicep")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (azure.yaml + infra-bicep/) above {AppContext.BaseDirectory}.");
    }
}
