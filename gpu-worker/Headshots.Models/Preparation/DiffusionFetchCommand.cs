using System.Net.Sockets;
using System.Security.Cryptography;

namespace Headshots.Models.Preparation;

/// <summary>
/// <c>models fetch --diffusion</c>: the SDXL inpainting ONNX files of <c>models/diffusion.json</c> into a folder
/// (<c>.cache/models/diffusion</c>), each kept only when its SHA-256 is the recorded one, each <c>model.onnx</c> with
/// the record the worker's loader checks. Files already there and intact are left alone. Never run by a test against
/// a real source.
/// </summary>
public static class DiffusionFetchCommand
{
    /// <summary>
    /// The shipped manifest, from the mirror in <see cref="HttpDiffusionFileSource.MirrorVariable"/> (none set: it says
    /// so in one line): what the CLI and the worker's image build run.
    /// </summary>
    public static async Task<int> RunAsync(string folder, TextWriter output, CancellationToken cancellationToken)
    {
        var mirror = Environment.GetEnvironmentVariable(HttpDiffusionFileSource.MirrorVariable);
        using var http = new HttpClient { Timeout = TimeSpan.FromHours(2) };
        var source = string.IsNullOrWhiteSpace(mirror) ? null : new HttpDiffusionFileSource(http, mirror);
        return await RunAsync(DiffusionManifest.Embedded(), folder, source, output, cancellationToken);
    }

    public static async Task<int> RunAsync(DiffusionManifest manifest, string folder, IDiffusionFileSource? source, TextWriter output, CancellationToken cancellationToken)
    {
        var missing = manifest.Files.Where(f => !Intact(folder, f)).ToList();
        if (missing.Count == 0)
        {
            foreach (var file in manifest.Files) WriteRecordIfModel(manifest, folder, file);
            await output.WriteLineAsync($"diffusion: {manifest.Files.Count} files of {manifest.Model} ready in {folder}");
            return 0;
        }

        if (manifest.FetchProblem() is { } problem)
        {
            await output.WriteLineAsync($"diffusion: not fetched: {problem}. See docs/diffusion.md.");
            return 1;
        }

        if (source is null)
        {
            await output.WriteLineAsync(
                $"diffusion: not fetched: no model mirror configured ({HttpDiffusionFileSource.MirrorVariable}); the weights can only be fetched on a connected machine.");
            return 1;
        }

        try
        {
            foreach (var file in missing)
            {
                var bytes = await DownloadAsync(manifest, folder, file, source, cancellationToken);
                WriteRecordIfModel(manifest, folder, file);
                await output.WriteLineAsync($"  {file.Path,-32} {bytes / 1024.0 / 1024.0,9:0.0} MB  sha256 {file.Sha256![..16]}…");
            }
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"diffusion: not fetched: no network access to the model mirror ({e.Message}).");
            return 1;
        }
        catch (ModelConversionException e)
        {
            await output.WriteLineAsync($"diffusion: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"diffusion: {manifest.Files.Count} files of {manifest.Model} ({manifest.Licence}) ready in {folder}");
        return 0;
    }

    /// <summary>The file is there and hashes to its record (a file without a recorded hash never counts as intact).</summary>
    private static bool Intact(string folder, DiffusionFile file)
    {
        var path = Path.Combine(folder, file.Path);
        return file.Sha256 is not null && File.Exists(path) && SubresourceIntegrity.Sha256HexOf(path) == file.Sha256;
    }

    /// <summary>Streams into a partial file while hashing; only a matching file is renamed into place.</summary>
    private static async Task<long> DownloadAsync(DiffusionManifest manifest, string folder, DiffusionFile file, IDiffusionFileSource source, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        try
        {
            string actual;
            long bytes;
            await using (var input = await source.OpenAsync(manifest.Repository, manifest.Revision, file.Path, cancellationToken))
            await using (var written = File.Create(partial))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 20];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await written.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                bytes = written.Length;
            }

            if (actual != file.Sha256)
            {
                throw new ModelConversionException(
                    $"{file.Path} from {manifest.Repository}@{manifest.Revision} has sha256 {actual}, but models/diffusion.json records {file.Sha256}; it was discarded.");
            }

            File.Move(partial, target, overwrite: true);
            return bytes;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    /// <summary>Beside each <c>model.onnx</c>, the record the worker's loader checks the file against.</summary>
    private static void WriteRecordIfModel(DiffusionManifest manifest, string folder, DiffusionFile file)
    {
        if (!file.Path.EndsWith("/model.onnx", StringComparison.Ordinal)) return;
        var onnx = Path.Combine(folder, file.Path);
        var id = file.Path[..^".onnx".Length];
        ModelPreparer.WriteRecord(Path.Combine(folder, id + ".json"), new PreparedModel(
            id, manifest.Repository, manifest.Revision, "sha256-" + file.Sha256, "none", 0, file.Sha256!, new FileInfo(onnx).Length));
    }
}
