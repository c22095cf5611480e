namespace Headshots.Local.Stack;

/// <summary>Azurite, the Azure Storage emulator from npm (pinned in tools/package-lock.json).</summary>
public static class AzuriteServer
{
    /// <returns>The started process, or null when an emulator already listens on the ports (it is reused).</returns>
    public static async Task<ChildProcess?> EnsureAsync(RepositoryPaths paths, LocalPorts ports, string dataFolder, CancellationToken cancellationToken)
    {
        int[] all = [ports.Blob, ports.Queue, ports.Table];
        var listening = 0;
        foreach (var p in all) if (await PortProbe.IsListeningAsync(p, cancellationToken)) listening++;
        if (listening == all.Length) return null;
        if (listening > 0) throw new InvalidOperationException($"Some of the storage ports {string.Join(", ", all)} are taken by another program; stop it or choose other ports.");
        if (!File.Exists(paths.AzuriteScript))
        {
            throw new InvalidOperationException($"Azurite is not installed ({paths.AzuriteScript} is missing); run ./headshots setup.");
        }
        Directory.CreateDirectory(dataFolder);
        var child = ChildProcess.Start("node", [
            paths.AzuriteScript, "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl",
            "--location", dataFolder,
            "--blobHost", "127.0.0.1", "--blobPort", ports.Blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports.Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports.Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ], paths.Root);
        await PortProbe.WaitAsync("Azurite", all, () => child.HasExited, TimeSpan.FromSeconds(60), () => child.Tail, cancellationToken);
        return child;
    }
}
