using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Headshots.GpuWorker;
using Headshots.Jobs.Storage;
using Headshots.Local.Runtime;
using Headshots.Pipeline;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;

namespace Headshots.Local.Stack;

/// <summary>
/// One process standing in for the Functions host: Azurite and smtp4dev (started or reused), a durable task sidecar
/// over the Durable Task Azure Storage provider on Azurite, the same orchestrations and activities, the order watcher,
/// the results listener, the GPU worker on CPU, and the HTTP routes on localhost.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    readonly List<ChildProcess> helpers;
    readonly WebApplication app;
    readonly GrpcChannel channel;

    LocalStack(WebApplication app, GrpcChannel channel, List<ChildProcess> helpers, LocalStackOptions options)
    {
        this.app = app;
        this.channel = channel;
        this.helpers = helpers;
        Options = options;
    }

    public LocalStackOptions Options { get; }
    public IServiceProvider Services => app.Services;
    public Uri BaseUrl => new($"http://127.0.0.1:{Options.Ports.Http.ToString(CultureInfo.InvariantCulture)}/");
    public Uri InboxUrl => new($"http://127.0.0.1:{Options.Ports.SmtpWeb.ToString(CultureInfo.InvariantCulture)}/");
    public DurableTaskClient Client => app.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<LocalStack> StartAsync(LocalStackOptions options, CancellationToken cancellationToken)
    {
        var helpers = new List<ChildProcess>();
        try
        {
            var storageFolder = options.StorageFolder ?? Path.Combine(options.Paths.Data, "azurite");
            if (await AzuriteServer.EnsureAsync(options.Paths, options.Ports, storageFolder, cancellationToken) is { } azurite) helpers.Add(azurite);
            if (await Smtp4devServer.EnsureAsync(options.Paths, options.Ports, cancellationToken) is { } smtp) helpers.Add(smtp);

            var connection = AzuriteConnection.For(options.Ports);
            var hub = TaskHubSettings.Read(options.Paths.HostJson);
            var settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connection,
                ["Pipeline:PublicBaseUrl"] = $"http://127.0.0.1:{options.Ports.Http}/",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = options.Ports.Smtp.ToString(CultureInfo.InvariantCulture),
                ["Smtp:UseStartTls"] = "false",
                ["Worker:MaxConcurrentJobs"] = "2",
                ["Worker:ModelsPath"] = options.Paths.Models,
                ["LocalRuntime:HubName"] = hub.HubName,
            };
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.Paths.Root });
            // Defaults, then environment variables (Pipeline__KeepPerLook=1 …), then what the caller fixed.
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddInMemoryCollection(options.Settings);
            var hubName = builder.Configuration["LocalRuntime:HubName"] ?? hub.HubName;
            // Tests that kill the runtime shorten how long a dead process's dequeued messages stay hidden.
            var queueVisibility = builder.Configuration.GetValue<TimeSpan?>("LocalRuntime:QueueVisibilityTimeout");
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Grpc", LogLevel.Warning);
            if (options.LogFile is not null) builder.Logging.AddProvider(new FileLoggerProvider(options.LogFile));
            else builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(System.Net.IPAddress.Loopback, options.Ports.Http, l => l.Protocols = HttpProtocols.Http1);
                k.Listen(System.Net.IPAddress.Loopback, options.Ports.Grpc, l => l.Protocols = HttpProtocols.Http2);
            });

            options.ConfigureServices?.Invoke(builder.Services);
            builder.Services.AddHeadshotPipeline(builder.Configuration);
            if (options.RunGpuWorker) builder.Services.AddGpuWorker(builder.Configuration);

            var provider = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = hubName,
                StorageAccountClientProvider = new StorageAccountClientProvider(connection),
                PartitionCount = hub.PartitionCount,
                MaxQueuePollingInterval = hub.MaxQueuePollingInterval,
                ControlQueueVisibilityTimeout = queueVisibility ?? hub.ControlQueueVisibilityTimeout,
                WorkItemQueueVisibilityTimeout = queueVisibility ?? hub.WorkItemQueueVisibilityTimeout,
                MaxConcurrentTaskActivityWorkItems = hub.MaxConcurrentActivities,
                MaxConcurrentTaskOrchestrationWorkItems = hub.MaxConcurrentOrchestrations,
                // A local runtime that was killed comes back as the same worker; short leases let it resume quickly.
                WorkerId = $"local-{Environment.MachineName}",
                LeaseInterval = TimeSpan.FromSeconds(15),
                LeaseRenewInterval = TimeSpan.FromSeconds(5),
                LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            });
            await provider.CreateIfNotExistsAsync();
            var service = new LocalOrchestrationService(provider);
            builder.Services.AddSingleton<IOrchestrationService>(service);
            builder.Services.AddSingleton<IOrchestrationServiceClient>(provider);
            builder.Services.AddGrpc();
            builder.Services.AddSingleton<TaskHubGrpcServer>();

            var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{options.Ports.Grpc}");
            builder.Services.AddDurableTaskWorker(b =>
            {
                b.UseGrpc(channel);
                b.AddTasks(r => r.AddHeadshotTasks());
            });
            builder.Services.AddDurableTaskClient(b =>
            {
                b.UseGrpc(channel);
                b.RegisterDirectly();
            });
            builder.Services.AddHostedService<OrderWatcher>();
            builder.Services.AddHostedService<ResultsListener>();
            builder.Services.AddHostedService<RetentionTimer>();

            var app = builder.Build();
            app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{options.Ports.Grpc}");
            StudioEndpoints.Map(app);

            await app.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(cancellationToken);
            await AllowBrowserUploadsAsync(app.Services.GetRequiredService<StorageClients>(), options.Ports, cancellationToken);
            await app.StartAsync(cancellationToken);
            // Ready means orchestrations run: the worker has connected and the provider holds its partitions' queues.
            await service.WhenStarted.WaitAsync(TimeSpan.FromSeconds(90), cancellationToken);
            return new LocalStack(app, channel, helpers, options);
        }
        catch
        {
            foreach (var h in helpers) await h.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The start and status pages upload straight to the emulator with SAS URLs: the browser needs the blob service to
    /// allow the app's origin (as the storage Bicep does for the Function App in Azure).
    /// </summary>
    static async Task AllowBrowserUploadsAsync(StorageClients storage, LocalPorts ports, CancellationToken cancellationToken)
    {
        var http = ports.Http.ToString(CultureInfo.InvariantCulture);
        // The emulator wants the whole set of properties back, not only the CORS rules.
        var properties = (await storage.Blobs.GetPropertiesAsync(cancellationToken)).Value;
        properties.Cors =
        [
            new Azure.Storage.Blobs.Models.BlobCorsRule
            {
                AllowedOrigins = $"http://127.0.0.1:{http},http://localhost:{http}",
                AllowedMethods = "PUT,GET,HEAD,OPTIONS",
                AllowedHeaders = "*",
                ExposedHeaders = "*",
                MaxAgeInSeconds = 3600,
            },
        ];
        await storage.Blobs.SetPropertiesAsync(properties, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            try
            {
                // The worker first: its work-item stream is a request Kestrel would otherwise wait out until the timeout.
                foreach (var worker in app.Services.GetServices<IHostedService>().OfType<Microsoft.DurableTask.Worker.Hosting.DurableTaskWorker>()) await worker.StopAsync(stopping.Token);
                await app.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await app.DisposeAsync();
        channel.Dispose();
        foreach (var h in helpers) await h.DisposeAsync();
    }
}
