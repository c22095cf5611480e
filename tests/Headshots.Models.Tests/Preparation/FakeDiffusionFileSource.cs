using Headshots.Models.Preparation;

namespace Headshots.Models.Tests.Preparation;

/// <summary>Serves files made in the test (or fails as an unreachable host would), counting what it is asked for.</summary>
internal sealed class FakeDiffusionFileSource(Dictionary<string, byte[]> files, bool unreachable = false) : IDiffusionFileSource
{
    public List<string> Requested { get; } = [];

    public Task<Stream> OpenAsync(string repository, string revision, string path, CancellationToken cancellationToken)
    {
        Requested.Add($"{repository}@{revision}:{path}");
        if (unreachable) throw new HttpRequestException("Name or service not known");
        return Task.FromResult<Stream>(new MemoryStream(files[path]));
    }
}
