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
/// The blob service as handlers see it, on a loopback port: every download answers <see cref="Content"/>, and the
/// blobs asked for are recorded. The storage fake for handler tests that must stop before any engine runs.
/// </summary>
internal sealed class FakeBlobService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> reads = new();

    private FakeBlobService(WebApplication app, byte[] content)
    {
        this.app = app;
        Content = content;
        app.MapGet("/{**path}", async (HttpContext context) =>
        {
            reads.Enqueue(context.Request.Path.Value!);
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = Content.Length;
            await context.Response.Body.WriteAsync(Content);
        });
    }

    public byte[] Content { get; }

    /// <summary>The request paths downloaded, in order ("/account/container/name").</summary>
    public IReadOnlyCollection<string> Reads => reads;

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
