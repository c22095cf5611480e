using System.Net.Sockets;

namespace Headshots.Local.Stack;

internal static class PortProbe
{
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until every port accepts connections, or the process exits, or the deadline passes.</summary>
    public static async Task WaitAsync(string what, IReadOnlyList<int> ports, Func<bool> exited, TimeSpan deadline, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            var ready = true;
            foreach (var port in ports) ready &= await IsListeningAsync(port, cancellationToken);
            if (ready) return;
            if (exited()) throw new InvalidOperationException($"{what} exited while starting. {diagnostics()}");
            if (DateTimeOffset.UtcNow > until) throw new TimeoutException($"{what} did not open ports {string.Join(", ", ports)} within {deadline.TotalSeconds:0} s. {diagnostics()}");
            await Task.Delay(200, cancellationToken);
        }
    }
}
