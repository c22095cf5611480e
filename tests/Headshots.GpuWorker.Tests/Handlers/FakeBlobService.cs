using System.Collections.Concurrent;
using Headshots.Jobs.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Tests.Handlers;

/// <summary>
/// The blob service as handlers see it, on a loopback port: a blob written (or put by the test) is downloaded as it
/// was written, every other download answers <see cref="Content"/>, and the blobs asked for are recorded. The storage
/// fake for handler tests: the ones that must stop before any engine runs, and the ones that run a job through.
/// </summary>
internal sealed class FakeBlobService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> reads = new();
    private readonly ConcurrentDictionary<string, byte[]> blobs = new(StringComparer.Ordinal);

    private FakeBlobService(WebApplication app, byte[] content)
    {
        this.app = app;
        Content = content;
        app.MapGet("/{**path}", async (HttpContext context) =>
        {
            reads.Enqueue(context.Request.Path.Value!);
            var body = blobs.GetValueOrDefault(context.Request.Path.Value!, Content);
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        app.MapPut("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            blobs[context.Request.Path.Value!] = body.ToArray();
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.ETag = $"\"0x{blobs.Count:X}\"";
            context.Response.Headers.LastModified = DateTimeOffset.UnixEpoch.ToString("R");
        });
    }

    public byte[] Content { get; }

    /// <summary>The request paths downloaded, in order ("/account/container/name").</summary>
    public IReadOnlyCollection<string> Reads => reads;

    /// <summary>Puts a blob ("container/name", as jobs name them) for a handler to read.</summary>
    public void Put(string path, byte[] content) => blobs[Key(path)] = content;

    /// <summary>The blob a handler wrote at "container/name"; a failed assertion when it wrote none.</summary>
    public byte[] Written(string path) =>
        blobs.TryGetValue(Key(path), out var content) ? content : throw new Xunit.Sdk.XunitException($"No blob was written at {path}.");

    private static string Key(string path) => $"/account/{path}";

    public StorageClients Storage { get; private set; } = null!;

    public static async Task<FakeBlobService> StartAsync(byte[] content)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var service = new FakeBlobService(builder.Build(), content);
        await service.app.StartAsync();
        var address = service.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        // A SAS-style connection string: the clients need an endpoint and some credential, and the fake checks none.
        service.Storage = new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = $"BlobEndpoint={address}/account;QueueEndpoint={address}/account;TableEndpoint={address}/account;SharedAccessSignature=sv=2024-08-04&sig=fake",
        }));
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
