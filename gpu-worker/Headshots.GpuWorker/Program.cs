using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Headshots.GpuWorker;
using Headshots.Jobs.Storage;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

// The GPU worker as its own process: the container entry point in Azure, and a separately killable process in tests.
// `models fetch --to DIR` prepares the ONNX models instead (the image build runs it, so the image carries them);
// `models fetch --diffusion --to DIR` downloads the pinned SDXL inpainting files into DIR/diffusion, each checked
// against its recorded sha256, from the mirror in HEADSHOTS_MODEL_MIRROR (the image build passes it when asked).
if (args is ["models", "fetch", ..])
{
    var to = args.SkipWhile(a => a != "--to").Skip(1).FirstOrDefault() ?? "models";
    if (args.Contains("--diffusion"))
    {
        return await Headshots.Models.Preparation.DiffusionFetchCommand.RunAsync(Path.Combine(Path.GetFullPath(to), "diffusion"), Console.Out, CancellationToken.None);
    }

    return await Headshots.Models.Preparation.ModelFetchCommand.RunAsync(
        Path.GetFullPath(to), Path.Combine(Path.GetTempPath(), "headshots-packages"), Console.Out, CancellationToken.None);
}

// `health`: the container's HEALTHCHECK asks the running worker's /healthz (Worker__HealthPort) and exits 0 when it answers.
if (args is ["health", ..])
{
    return await Headshots.GpuWorker.Health.HealthProbe.RunAsync(Environment.GetEnvironmentVariable("Worker__HealthPort"), Console.Out);
}

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddGpuWorker(builder.Configuration);

// Keyless Application Insights when deployed: the Azure SDK's storage spans and the worker's logs, through the
// managed identity named by AZURE_CLIENT_ID.
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    // The Azure SDK emits its spans only when asked to.
    AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
    var credential = new DefaultAzureCredential();
    builder.Services.AddOpenTelemetry()
        .WithTracing(t => t.AddSource("Azure.*").AddAzureMonitorTraceExporter(o => o.Credential = credential));
    builder.Logging.AddOpenTelemetry(l => l.AddAzureMonitorLogExporter(o => o.Credential = credential));
}

using var host = builder.Build();
if (builder.Configuration.GetValue("Worker:EnsureStorage", false))
{
    await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
}
await host.RunAsync();
return 0;
