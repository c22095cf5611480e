namespace Headshots.Local.Stack;

/// <summary>The loopback ports of the local stack; all can be moved so two stacks (or a test) can run side by side.</summary>
public sealed record LocalPorts(int Blob, int Queue, int Table, int Smtp, int SmtpWeb, int Http, int Grpc)
{
    public static LocalPorts Default { get; } = new(10000, 10001, 10002, 2525, 5055, 7071, 7072);

    /// <summary>A block of consecutive ports starting at <paramref name="first"/>.</summary>
    public static LocalPorts Block(int first) => new(first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6);
}
