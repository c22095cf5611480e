namespace Headshots.Engines.Tests.Support;

/// <summary>The real public-domain photos in .cache/samples at the repository root.</summary>
internal static class SamplePhotos
{
    static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>NASA portrait of an astronaut, 512 × 512 PNG.</summary>
    public static byte[] Astronaut => Read("astronaut.png");

    /// <summary>Official portrait of Grace Hopper, 512 × 600 JPEG.</summary>
    public static byte[] GraceHopper => Read("grace_hopper.jpg");

    /// <summary>A cat (Chelsea), 451 × 300 PNG: no human face.</summary>
    public static byte[] Cat => Read("chelsea.png");

    /// <summary>A cup of coffee, 600 × 400 PNG: no face at all.</summary>
    public static byte[] Coffee => Read("coffee.png");

    /// <summary>The astronaut portrait encoded as HEIC by the set-up (heif-enc from Debian's libheif-examples).</summary>
    public static byte[] AstronautHeic => Read("astronaut.heic");

    public static string RepositoryRoot => FindRepositoryRoot();

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder.Value, name));

    static string FindFolder()
    {
        var root = FindRepositoryRoot();
        var folder = Path.Combine(root, ".cache", "samples");
        // Missing photos must fail loudly: a skipped imaging suite looks green and tests nothing.
        Assert.True(File.Exists(Path.Combine(folder, "astronaut.png")) && File.Exists(Path.Combine(folder, "grace_hopper.jpg")),
            $"The sample photos are missing from {folder}. Run: tools/fetch-sample-photos.sh .cache/samples (from {root}).");
        return folder;
    }

    static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeadshotFunctions.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }
        Assert.Fail($"No repository root (HeadshotFunctions.sln or .git) above {AppContext.BaseDirectory}; run the tests from a checkout.");
        return "";
    }
}
