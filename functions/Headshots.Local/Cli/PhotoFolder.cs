using Headshots.Engines.Imaging;
using Headshots.Local.Stack;
using Headshots.Pipeline.Intake;

namespace Headshots.Local.Cli;

/// <summary>Reads the photos of a shoot from a folder, and makes the demo's sample shoot.</summary>
public static class PhotoFolder
{
    public static IReadOnlyList<(string Name, byte[] Content)> Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new CliException($"The folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new CliException($"The folder '{folder}' has no files; put 10–15 photos of yourself in it.");
        foreach (var f in files)
        {
            if (UploadLayout.ExplainBadPhotoName(Path.GetFileName(f)) is { } why) throw new CliException($"Rename the file: {why}.");
        }
        return files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
    }

    /// <summary>12 photos of one person derived from a public-domain portrait (the NASA astronaut portrait).</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> DemoShoot(RepositoryPaths paths)
    {
        var portrait = Path.Combine(paths.Samples, "astronaut.png");
        if (!File.Exists(portrait)) throw new CliException($"The sample portrait {portrait} is missing; run ./headshots setup.");
        return SampleShootDeriver.Derive(File.ReadAllBytes(portrait), 12, seed: 7)
            .Select(p => (p.Name, p.Jpeg)).ToList();
    }
}
