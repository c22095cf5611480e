using System.Net.Http.Json;
using System.Text.Json;
using Headshots.GpuWorker.Health;
using Headshots.GpuWorker.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Headshots.GpuWorker.Tests.Health;

/// <summary>The worker's /healthz, which the image's HEALTHCHECK and the Container App's probes read.</summary>
public sealed class WorkerHealthEndpointTests
{
    static (HealthEndpoint Endpoint, WorkerCounters Counters) Create(int? port, string provider = "cuda", string engines = "classical")
    {
        var options = Microsoft.Extensions.Options.Options.Create(new WorkerOptions
        {
            HealthPort = port, HealthLoopbackOnly = true, ExecutionProvider = provider, Engines = engines, WorkerId = "w1",
        });
        var counters = new WorkerCounters();
        var health = new WorkerHealth(options, counters, new ServiceCollection().BuildServiceProvider());
        return (new HealthEndpoint(health, options, NullLogger<HealthEndpoint>.Instance), counters);
    }

    [Fact]
    public async Task Healthz_ReportsStatusProviderModelsAndJobsProcessed()
    {
        var (endpoint, counters) = Create(0, provider: "cpu");
        await endpoint.StartAsync(CancellationToken.None);
        try
        {
            counters.JobProcessed();
            counters.JobProcessed();
            using var http = new HttpClient();
            var json = await http.GetFromJsonAsync<JsonElement>(new Uri(endpoint.Address!, HealthEndpoint.Path));

            Assert.Equal("ok", json.GetProperty("status").GetString());
            Assert.Equal("cpu", json.GetProperty("executionProvider").GetString());
            Assert.Equal(0, json.GetProperty("models").GetArrayLength());
            Assert.Equal(2, json.GetProperty("jobsProcessed").GetInt64());
            Assert.Equal("w1", json.GetProperty("workerId").GetString());
            Assert.Equal(0, await HealthProbe.RunAsync(endpoint.Address!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), TextWriter.Null));
        }
        finally
        {
            await endpoint.StopAsync(CancellationToken.None);
            await endpoint.DisposeAsync();
        }
    }

    [Fact]
    public async Task NoHealthPort_ListensNowhere_AndTheProbeFails()
    {
        var (endpoint, _) = Create(null);
        await endpoint.StartAsync(CancellationToken.None);

        Assert.Null(endpoint.Address);
        Assert.Equal(1, await HealthProbe.RunAsync(null, TextWriter.Null));
    }

    [Fact]
    public void Dockerfile_CudaBaseNonRootHealthcheckAndGpuFlavour()
    {
        var dockerfile = File.ReadAllText(Repository.Combine("gpu-worker", "Dockerfile"));

        Assert.Matches(@"ARG CUDA_IMAGE=nvidia/cuda:12\.\d+\.\d+-cudnn-runtime-", dockerfile);
        Assert.Contains("-p:OnnxRuntimeFlavor=gpu", dockerfile);
        Assert.Contains("USER 10001", dockerfile);
        Assert.Contains("Worker__HealthPort=8080", dockerfile);
        Assert.Contains("HEALTHCHECK", dockerfile);
    }
}
