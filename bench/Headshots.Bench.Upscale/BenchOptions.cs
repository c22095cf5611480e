namespace Headshots.Bench.Upscale;

internal sealed record BenchOptions(string RepositoryRoot, string ModelPath, string? TfjsModel, string NodeDir, bool SkipNode,
    int Repeat, int NodePatch, int NodeRepeat, string? Child)
{
    public static BenchOptions Parse(string[] args)
    {
        var root = FindRoot();
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new BenchOptions(
            root,
            Path.GetFullPath(Value("--model", Path.Combine(root, ".cache", "models", "esrgan-slim-x4.onnx"))),
            args.Contains("--tfjs") ? Path.GetFullPath(Value("--tfjs", "")) : null,
            Path.GetFullPath(Value("--node-dir", Path.Combine(root, "bench", "node-upscaler"))),
            args.Contains("--skip-node"),
            int.Parse(Value("--repeat", "3")),
            int.Parse(Value("--node-patch", "512")),
            int.Parse(Value("--node-repeat", "2")),
            args.Contains("--child") ? Value("--child", "") : null);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeadshotFunctions.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No HeadshotFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
