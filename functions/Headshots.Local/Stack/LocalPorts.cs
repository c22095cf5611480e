using System.Net;
using System.Net.Sockets;

namespace Headshots.Local.Stack;

/// <summary>The loopback ports of the local stack; all can be moved so two stacks (or a test) can run side by side.</summary>
public sealed record LocalPorts(int Blob, int Queue, int Table, int Smtp, int SmtpWeb, int Http, int Grpc)
{
    const int BlockSize = 7;

    public static LocalPorts Default { get; } = new(10000, 10001, 10002, 2525, 5055, 7071, 7072);

    /// <summary>A block of consecutive ports starting at <paramref name="first"/>.</summary>
    public static LocalPorts Block(int first) => new(first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6);

    /// <summary>
    /// The first block, from <paramref name="first"/> in steps of ten, whose seven ports nothing holds. Callers pick
    /// bases below 32768: Linux hands out 32768–60999 as the source ports of outgoing connections, so a busy
    /// machine can take a port there between this check and the server binding it.
    /// </summary>
    public static LocalPorts FirstFreeBlock(int first, int tries = 4)
    {
        for (var i = 0; i < tries; i++)
        {
            var candidate = first + (i * 10);
            if (Enumerable.Range(candidate, BlockSize).All(IsFree)) return Block(candidate);
        }
        throw new InvalidOperationException(
            $"Ports {first}–{first + ((tries - 1) * 10) + BlockSize - 1} are all in use on 127.0.0.1; stop what holds them or choose another base.");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
