using System.Text.Json;
using System.Text.RegularExpressions;

namespace Headshots.Models.Preparation;

/// <summary>
/// <c>models/diffusion.json</c>: where the SDXL inpainting ONNX files come from (repository, pinned revision) and the
/// SHA-256 each must have. A file without a recorded hash is never accepted.
/// </summary>
public sealed partial record DiffusionManifest(
    string Model,
    string Checkpoint,
    string Licence,
    string Exporter,
    string Repository,
    string Revision,
    IReadOnlyList<DiffusionFile> Files)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool RevisionPinned => RevisionPattern().IsMatch(Revision);

    public static DiffusionManifest Embedded() => Parse(ModelManifest.EmbeddedText("Headshots.Models.diffusion.json"));

    public static DiffusionManifest Parse(string json)
    {
        var manifest = JsonSerializer.Deserialize<DiffusionManifest>(json, Json)
            ?? throw new ModelConversionException("The diffusion manifest is empty.");
        foreach (var file in manifest.Files ?? [])
        {
            if (!PathPattern().IsMatch(file.Path) || file.Path.Contains("..", StringComparison.Ordinal))
            {
                throw new ModelConversionException($"The diffusion manifest's file '{file.Path}' must be a plain 'folder/file' path.");
            }

            if (file.Sha256 is not null && !HashPattern().IsMatch(file.Sha256))
            {
                throw new ModelConversionException($"The diffusion manifest's sha256 of '{file.Path}' must be 64 lower-case hex digits.");
            }
        }

        return manifest;
    }

    /// <summary>Why nothing can be fetched yet (no repository, no pinned revision, files without hashes), or null.</summary>
    public string? FetchProblem()
    {
        if (string.IsNullOrWhiteSpace(Repository)) return "models/diffusion.json names no ONNX export repository yet";
        if (!RevisionPinned) return $"models/diffusion.json does not pin a revision of {Repository} (a 40-hex commit)";
        var unhashed = Files.Where(f => f.Sha256 is null).Select(f => f.Path).ToList();
        return unhashed.Count > 0
            ? $"models/diffusion.json records no sha256 for {string.Join(", ", unhashed)}, and a file without a recorded hash is never accepted"
            : null;
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex RevisionPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();

    [GeneratedRegex("^[a-z0-9_]+/[A-Za-z0-9_.]+$")]
    private static partial Regex PathPattern();
}
