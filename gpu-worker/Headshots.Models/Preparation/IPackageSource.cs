namespace Headshots.Models.Preparation;

/// <summary>Brings a package tarball into a folder; the preparer verifies it, whatever the source.</summary>
public interface IPackageSource
{
    /// <returns>The path of the tarball written into <paramref name="folder"/>.</returns>
    Task<string> PackAsync(string package, string version, string folder, CancellationToken cancellationToken);
}
