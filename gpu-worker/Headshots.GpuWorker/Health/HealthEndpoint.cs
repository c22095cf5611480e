using System.Net;
using System.Text.Json;
using Headshots.GpuWorker.Processing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Headshots.GpuWorker.Health;

/// <summary>
/// GET /healthz on Worker:HealthPort: the container's HEALTHCHECK and the Container App's probes read it. Off (port 0)
/// unless configured, because the local runtime hosts the worker in-process and the end-to-end tests start several
/// workers side by side; only the container image sets the port.
/// </summary>
public sealed class HealthEndpoint(WorkerHealth health, IOptions<WorkerOptions> options, ILogger<HealthEndpoint> logger) : IHostedService, IAsyncDisposable
{
    public const string Path = "/healthz";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    WebApplication? app;

    /// <summary>The address it listens on once started (the port is 0 in tests: a free one).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = options.Value.HealthPort;
        if (port is null) return;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(options.Value.HealthLoopbackOnly ? IPAddress.Loopback : IPAddress.Any, port.Value));
        app = builder.Build();
        app.MapGet(Path, () => Results.Text(JsonSerializer.Serialize(health.Report(), Json), "application/json"));
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        Address = new Uri(address);
        logger.LogInformation("Health endpoint listening on {Address}{Path}", address, Path);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null) await app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
