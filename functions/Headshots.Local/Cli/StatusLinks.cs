using Headshots.Local.Stack;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Intake;

namespace Headshots.Local.Cli;

/// <summary>
/// The status URLs (with their tokens) of the shoots this machine's CLI started, so <c>./headshots status</c> asks the
/// API as the status page does: the studio keeps only the tokens' hashes and cannot hand them out again. One file per
/// shoot under <c>.data/status-links</c>, beside the local storage it belongs to, readable by its owner only.
/// </summary>
public sealed class StatusLinks(RepositoryPaths paths)
{
    string Folder => Path.Combine(paths.Data, "status-links");

    public void Save(string shootId, string statusUrl)
    {
        if (!UploadLayout.IsValidShootId(shootId)) throw new ArgumentException($"'{shootId}' is not a shoot id.", nameof(shootId));
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, shootId);
        File.WriteAllText(file, statusUrl);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Drops the kept link of an erased shoot: its token opens nothing any more.</summary>
    public void Forget(string shootId)
    {
        var file = Path.Combine(Folder, shootId);
        if (UploadLayout.IsValidShootId(shootId) && File.Exists(file)) File.Delete(file);
    }

    /// <summary>The status URL for a command about <paramref name="shootId"/>, or a message saying how to give its token.</summary>
    public string Require(string shootId, string? token, string command) =>
        Find(shootId, token) ?? throw new CliException($"This machine has no status token for {shootId} (it was not started by ./headshots here). " +
            $"Pass the t of its status link: ./headshots {command} SHOOT_ID --token T");

    /// <returns>The status URL the CLI was given for the shoot, or, with <paramref name="token"/>, the one it makes.</returns>
    public string? Find(string shootId, string? token = null)
    {
        if (token is not null) return ShootRegistration.StatusUrlOf(shootId, token);
        var file = Path.Combine(Folder, shootId);
        return UploadLayout.IsValidShootId(shootId) && File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }
}
