namespace Headshots.Models.Preparation;

/// <summary>One entry of <c>models/manifest.json</c>: where a model comes from and how it becomes ONNX.</summary>
public sealed record ModelSpec(
    string Id,
    string Purpose,
    string Package,
    string Version,
    string Integrity,
    string Source,
    IReadOnlyList<string> Files,
    string Converter,
    string Licence)
{
    public string PackageSpec => $"{Package}@{Version}";

    public string OnnxFileName => $"{Id}.onnx";

    public IEnumerable<string> AllFiles => Files.Prepend(Source);
}
