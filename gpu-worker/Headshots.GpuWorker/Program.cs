using Headshots.GpuWorker;
using Headshots.Jobs.Storage;

// The GPU worker as its own process: the container entry point in Azure, and a separately killable process in tests.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddGpuWorker(builder.Configuration);
using var host = builder.Build();
if (builder.Configuration.GetValue("Worker:EnsureStorage", false))
{
    await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
}
await host.RunAsync();
