namespace Headshots.Pipeline.Api;

/// <summary>
/// Lets a writer that makes a few small synchronous writes (ZipArchive writes each entry's trailer and the central
/// directory that way) stream to a response that allows only asynchronous writes: those bytes wait here until the
/// next asynchronous write or <see cref="DrainAsync"/>. Large data goes straight through.
/// </summary>
internal sealed class SyncWriteBuffer(Stream inner) : Stream
{
    readonly MemoryStream pending = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
        // Held until DrainAsync: a synchronous flush is what the response refuses.
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await DrainAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (pending.Length == 0) return;
        await inner.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) pending.Dispose();
        base.Dispose(disposing);
    }
}
