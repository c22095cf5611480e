using System.Formats.Tar;
using System.IO.Compression;
using Headshots.Models.Preparation;

namespace Headshots.Models.Tests.Preparation;

/// <summary>Serves tarballs built in the test, counting how often it is asked.</summary>
internal sealed class FakePackageSource(Dictionary<string, byte[]> files) : IPackageSource
{
    public int Calls { get; private set; }

    public Dictionary<string, byte[]> Files { get; } = files;

    public Task<string> PackAsync(string package, string version, string folder, CancellationToken cancellationToken)
    {
        Calls++;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{package.TrimStart('@').Replace('/', '-')}-{version}.tgz");
        File.WriteAllBytes(path, Tarball(Files));
        return Task.FromResult(path);
    }

    public static byte[] Tarball(Dictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip))
        {
            foreach (var (name, content) in files)
            {
                // Fixed times keep the tarball (and so its integrity) the same on every build.
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), ModificationTime = DateTimeOffset.UnixEpoch });
            }
        }

        return buffer.ToArray();
    }
}
