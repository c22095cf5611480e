namespace Headshots.Models.Preparation;

/// <summary>Opens one file of a repository at a revision; the fetch hashes it, whatever the source.</summary>
public interface IDiffusionFileSource
{
    /// <exception cref="HttpRequestException">The source cannot be reached (no network) or refuses the file.</exception>
    Task<Stream> OpenAsync(string repository, string revision, string path, CancellationToken cancellationToken);
}
