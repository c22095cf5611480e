using Headshots.Pipeline.Api;
using Headshots.Pipeline.Routing;
using Microsoft.AspNetCore.Http;

namespace Headshots.Pipeline.Tests.Routing;

/// <summary>How either host writes a handler's response: headers, then the body or the download as it is read.</summary>
public sealed class ApiResponseWriterTests
{
    /// <summary>A response body that, like Kestrel's, refuses synchronous writes and cannot be read back or sought.</summary>
    sealed class AsyncOnlyBody : Stream
    {
        public MemoryStream Written { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Written.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Written.WriteAsync(buffer, offset, count, cancellationToken);
    }

    /// <summary>A stored file: read in pieces, and tells whether it was closed.</summary>
    sealed class StoredFile(byte[] content) : MemoryStream(content)
    {
        public bool Closed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Closed = true;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task WriteAsync_StoredFile_SendsEveryByteWithItsLengthAndClosesTheFile()
    {
        var content = new byte[5 * 1024 * 1024 + 17];
        new Random(14).NextBytes(content);
        var file = new StoredFile(content);
        var http = new DefaultHttpContext();
        var body = new AsyncOnlyBody();
        http.Response.Body = body;

        await ApiResponseWriter.WriteAsync(http, ApiResponse.File(file, content.Length, "image/jpeg"));

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("image/jpeg", http.Response.ContentType);
        Assert.Equal(content.Length, http.Response.ContentLength);
        Assert.Equal("private, max-age=3600", http.Response.Headers.CacheControl);
        Assert.Equal(content, body.Written.ToArray());
        Assert.True(file.Closed);
    }

    [Fact]
    public async Task WriteAsync_Page_WritesItsStatusHeadersAndBody()
    {
        var http = new DefaultHttpContext();
        var body = new AsyncOnlyBody();
        http.Response.Body = body;

        await ApiResponseWriter.WriteAsync(http, ApiResponse.Page(404, "<p>gone</p>"));

        Assert.Equal(404, http.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", http.Response.ContentType);
        Assert.Equal("DENY", http.Response.Headers["X-Frame-Options"]);
        Assert.Equal("<p>gone</p>", System.Text.Encoding.UTF8.GetString(body.Written.ToArray()));
    }
}
