using System.Net;
using System.Net.Sockets;
using Headshots.Local.Stack;

namespace Headshots.EndToEnd.Tests;

public sealed class LocalPortsTests
{
    [Fact]
    public void FirstFreeBlock_APortOfTheFirstBlockIsHeld_MovesToTheNextBlock()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;
        var first = held - 3;

        var ports = LocalPorts.FirstFreeBlock(first, tries: 8);

        Assert.NotEqual(first, ports.Blob);
        Assert.DoesNotContain(held, new[] { ports.Blob, ports.Queue, ports.Table, ports.Smtp, ports.SmtpWeb, ports.Http, ports.Grpc });
    }

    [Fact]
    public void FirstFreeBlock_EveryBlockHeld_NamesThePortsToFree()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;

        var error = Assert.Throws<InvalidOperationException>(() => LocalPorts.FirstFreeBlock(held, tries: 1));

        Assert.Contains(held.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Contains("in use", error.Message);
    }
}
