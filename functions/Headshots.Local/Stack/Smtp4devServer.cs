using System.Globalization;

namespace Headshots.Local.Stack;

/// <summary>smtp4dev, a real SMTP server with a web inbox, installed as a .NET local tool (.config/dotnet-tools.json).</summary>
public static class Smtp4devServer
{
    public static async Task<ChildProcess?> EnsureAsync(RepositoryPaths paths, LocalPorts ports, CancellationToken cancellationToken)
    {
        var smtp = await PortProbe.IsListeningAsync(ports.Smtp, cancellationToken);
        var web = await PortProbe.IsListeningAsync(ports.SmtpWeb, cancellationToken);
        if (smtp && web) return null;
        if (smtp || web) throw new InvalidOperationException($"Port {(smtp ? ports.Smtp : ports.SmtpWeb)} is taken by another program; stop it or choose other ports.");
        // Empty IMAP/POP3 ports disable them; an empty --db keeps messages in memory.
        var child = ChildProcess.Start("dotnet", [
            "tool", "run", "smtp4dev", "--",
            $"--urls=http://127.0.0.1:{ports.SmtpWeb.ToString(CultureInfo.InvariantCulture)}",
            $"--smtpport={ports.Smtp.ToString(CultureInfo.InvariantCulture)}",
            "--allowremoteconnections-", "--imapport=", "--pop3port=", "--db=",
        ], paths.Root);
        await PortProbe.WaitAsync("smtp4dev", [ports.Smtp, ports.SmtpWeb], () => child.HasExited, TimeSpan.FromSeconds(90), () => child.Tail, cancellationToken);
        return child;
    }
}
