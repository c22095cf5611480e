using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace Headshots.Pipeline.Tests.Support;

/// <summary>
/// Starts the in-process durable test host on a port the operating system has just handed out. Left to itself the
/// host picks a random port between 30000 and 40000 without looking, which overlaps Linux's ephemeral range: a test
/// failed in CI with "address already in use" when another connection held the port it drew.
/// </summary>
public static class DurableTestHosts
{
    const int Attempts = 5;

    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> registry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(registry, new DurableTaskTestHostOptions { Port = FreePort() });
            }
            catch (IOException e) when (IsAddressInUse(e) && attempt < Attempts)
            {
                // Another process took the port between its release and the host's bind: ask for another.
            }
        }
    }

    static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
        }

        return false;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
