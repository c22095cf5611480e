using System.Globalization;
using Headshots.Jobs.Storage;
using Headshots.Local.Stack;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectre.Console;

namespace Headshots.Local.Cli;

/// <summary>
/// The local studio for one command: the one <c>./headshots up</c> is already serving (then only its HTTP API and its
/// storage are used), or, when none answers, one started for this command and stopped after it, as <c>shoot</c> does.
/// </summary>
public sealed class LocalStudioSession : IAsyncDisposable
{
    readonly LocalStack? started;
    readonly ServiceProvider? attached;

    LocalStudioSession(Uri baseUrl, LocalStack? started, ServiceProvider? attached)
    {
        BaseUrl = baseUrl;
        this.started = started;
        this.attached = attached;
    }

    public Uri BaseUrl { get; }

    /// <summary>The studio's storage-side services: <see cref="ShootStore"/>, <see cref="GalleryManifestStore"/>, <see cref="StorageClients"/>.</summary>
    public IServiceProvider Services => (IServiceProvider?)started?.Services ?? attached!;

    public static async Task<LocalStudioSession> OpenAsync(LocalStackOptions options, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{options.Ports.Http.ToString(CultureInfo.InvariantCulture)}/");
        if (await IsServingAsync(baseUrl, cancellationToken))
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = AzuriteConnection.For(options.Ports) })
                .Build();
            var services = new ServiceCollection().AddLogging().AddHeadshotStorage(configuration);
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<ShootStore>().AddSingleton<GalleryManifestStore>();
            return new LocalStudioSession(baseUrl, null, services.BuildServiceProvider());
        }
        AnsiConsole.MarkupLine("Starting the local studio (./headshots up is not running)…");
        var stack = await LocalStack.StartAsync(options, cancellationToken);
        return new LocalStudioSession(stack.BaseUrl, stack, null);
    }

    /// <summary>Whether a studio answers its health check on the port: something else there fails the start, with its own error.</summary>
    static async Task<bool> IsServingAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync("healthz", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (started is not null) await started.DisposeAsync();
        if (attached is not null) await attached.DisposeAsync();
    }
}
