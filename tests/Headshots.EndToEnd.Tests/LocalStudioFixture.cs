using System.Diagnostics;
using Headshots.Engines.Imaging;
using Headshots.Local.Client;
using Headshots.Local.Stack;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// One storage emulator and one SMTP server for every end-to-end test (on their own ports, so a running
/// ./headshots up is not disturbed); each test starts its own runtime on its own task hub.
/// </summary>
public sealed class LocalStudioFixture : IAsyncLifetime
{
    /// <summary>
    /// 27310, or HEADSHOTS_E2E_PORT_BASE: two checkouts on one machine can then run their end-to-end tests at once.
    /// Below Linux's ephemeral range, so the browser tests' many connections never take one of these ports.
    /// </summary>
    public static readonly int PortBase = int.TryParse(Environment.GetEnvironmentVariable("HEADSHOTS_E2E_PORT_BASE"), out var p) && p is > 1024 and < 65000 ? p : 27310;
    readonly List<ChildProcess> servers = [];
    readonly string runId = Guid.NewGuid().ToString("N")[..8];
    int hubs;

    public RepositoryPaths Paths { get; } = RepositoryPaths.Find();
    public LocalPorts Ports { get; } = LocalPorts.FirstFreeBlock(PortBase);
    public string StorageFolder { get; } = Path.Combine(Path.GetTempPath(), "headshots-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Paths.Samples, "astronaut.png")))
        {
            throw new InvalidOperationException("Sample photos are missing: run ./headshots test (or tools/fetch-sample-photos.sh .cache/samples).");
        }
        if (await AzuriteServer.EnsureAsync(Paths, Ports, StorageFolder, CancellationToken.None) is { } azurite) servers.Add(azurite);
        if (await Smtp4devServer.EnsureAsync(Paths, Ports, CancellationToken.None) is { } smtp) servers.Add(smtp);
    }

    public async Task DisposeAsync()
    {
        foreach (var s in servers) await s.DisposeAsync();
        try { Directory.Delete(StorageFolder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A task hub name no other test (or earlier run) uses.</summary>
    public string NewHub() => $"E2E{runId}x{Interlocked.Increment(ref hubs)}";

    /// <summary>Small, fast shoots: one or two looks, two variants, one kept per look.</summary>
    public Dictionary<string, string?> FastSettings(string hub) => new()
    {
        ["LocalRuntime:HubName"] = hub,
        ["Pipeline:VariantsPerLook"] = "2",
        ["Pipeline:KeepPerLook"] = "1",
        ["Pipeline:MinAcceptedPhotos"] = "8",
        ["GpuJobs:AttemptTimeout"] = "00:02:00",
        // The tests share one storage emulator and a few email addresses: the studio-wide caps would count every test's shoots.
        ["Limits:MaxShootsInFlight"] = "100000",
        ["Limits:MaxShootsPerEmailPerDay"] = "10000",
    };

    public Task<LocalStack> StartStackAsync(string hub, bool runWorker = true, IReadOnlyDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var settings = FastSettings(hub);
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return LocalStack.StartAsync(new LocalStackOptions
        {
            Paths = Paths,
            Ports = Ports,
            RunGpuWorker = runWorker,
            StorageFolder = StorageFolder,
            Settings = settings,
            LogFile = Path.Combine(StorageFolder, "logs", hub + ".log"),
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
            ConfigureServices = configureServices,
        }, CancellationToken.None);
    }

    /// <summary>
    /// A stack whose Azure OpenAI engines call <paramref name="azureOpenAi"/> (the local stand-in) with its token:
    /// <paramref name="engines"/> names which ("Editing:Engine", "Generation:Engine") and any other settings.
    /// </summary>
    public Task<LocalStack> StartCloudStackAsync(Headshots.AzureOpenAiStandIn.FakeAzureOpenAiServer azureOpenAi, IReadOnlyDictionary<string, string?> engines)
    {
        var settings = new Dictionary<string, string?>(engines)
        {
            ["AzureOpenAI:Endpoint"] = azureOpenAi.Endpoint.ToString(),
            ["AzureOpenAI:Deployment"] = Headshots.AzureOpenAiStandIn.FakeAzureOpenAiServer.Deployment,
        };
        return StartStackAsync(NewHub(), extra: settings,
            configureServices: s => s.AddSingleton<Azure.Core.TokenCredential>(new Headshots.AzureOpenAiStandIn.FakeCredential()));
    }

    /// <summary>A shoot of one person, derived from the public-domain NASA portrait.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> Photos(int count) =>
        SampleShootDeriver.Derive(File.ReadAllBytes(Path.Combine(Paths.Samples, "astronaut.png")), count, seed: 11)
            .Select(p => (p.Name, p.Jpeg)).ToList();

    public HttpClient Http(Uri baseUrl) => new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };

    public SmtpInbox Inbox() => new(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Ports.SmtpWeb}/") });

    /// <summary>The `headshots` CLI as a separate process (to be killed and restarted like a real crash).</summary>
    public Process StartCli(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var process = Process.Start(CliStartInfo(environment, args))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A `headshots` command run to its end, as a person runs it: exit code and what it printed.</summary>
    public async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var process = Process.Start(CliStartInfo(new Dictionary<string, string>(), args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    ProcessStartInfo CliStartInfo(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Paths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "headshots.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["HEADSHOTS_PORT_BASE"] = Ports.Blob.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["HEADSHOTS_STORAGE_FOLDER"] = StorageFolder;
        info.Environment["Limits__MaxShootsInFlight"] = "100000";
        info.Environment["Limits__MaxShootsPerEmailPerDay"] = "10000";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalStudioCollection : ICollectionFixture<LocalStudioFixture>
{
    public const string Name = "local studio";
}
