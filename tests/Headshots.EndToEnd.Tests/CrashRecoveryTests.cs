using System.Diagnostics;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Local.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

[Collection(LocalStudioCollection.Name)]
public sealed class CrashRecoveryTests(LocalStudioFixture studio)
{
    [Fact]
    public async Task GpuWorker_KilledMidJob_JobCompletesOnceOnAnotherWorker()
    {
        await using var stack = await studio.StartStackAsync(studio.NewHub(), runWorker: false);
        using var http = studio.Http(stack.BaseUrl);
        var workerEnv = new Dictionary<string, string> { ["Worker__VisibilityTimeout"] = "00:00:03", ["Worker__MaxConcurrentJobs"] = "1" };
        var first = studio.StartCli(workerEnv, "worker");
        Process? second = null;
        try
        {
            var client = new StudioClient(http);
            var shoot = await client.SubmitAsync("kai@example.com", ["corporate-grey"], studio.Photos(8), null, CancellationToken.None);
            var jobs = stack.Services.GetRequiredService<StorageClients>().Table(StorageNames.JobsTable);

            // Kill the worker while it renders the 16 MP image, then start another one.
            var running = await WaitForAsync(() => jobs.Query<JobEntity>(j => j.PartitionKey == shoot.ShootId && j.Kind == GpuJobKinds.Upscale && j.Status == JobStatus.Running).FirstOrDefault());
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            second = studio.StartCli(workerEnv, "worker");
            var final = await ShootFlow.FollowAsync(http, shoot.StatusUrl);

            Assert.Equal("Delivered", final.Status);
            Assert.Equal(1, final.Delivered);
            var row = jobs.GetEntity<JobEntity>(shoot.ShootId, running.RowKey).Value;
            Assert.Equal(JobStatus.Succeeded, row.Status);
            Assert.Equal(2, row.Executions);
            var outputs = stack.Services.GetRequiredService<StorageClients>().Container(StorageNames.WorkContainer)
                .GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{shoot.ShootId}/delivered/", default).Select(b => b.Name).ToList();
            Assert.Equal(3, outputs.Count);
        }
        finally
        {
            foreach (var p in new[] { first, second })
            {
                if (p is { HasExited: false }) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); }
                p?.Dispose();
            }
        }
    }

    [Fact]
    public async Task LocalRuntime_KilledMidShootAndRestarted_FinishesWithoutDuplicatesOrGaps()
    {
        var env = RestartableRuntime(variantsPerLook: 3);
        using var http = studio.Http(new Uri($"http://127.0.0.1:{studio.Ports.Http}/"));
        var runtime = studio.StartCli(env, "up");
        try
        {
            await WaitUntilAsync(() => TryGetAsync(http, "healthz"));
            var client = new StudioClient(http);
            var shoot = await client.SubmitAsync("ren@example.com", ["corporate-grey", "dark-studio"], studio.Photos(8), null, CancellationToken.None);
            await WaitUntilAsync(async () => (await client.GetStatusAsync(shoot.StatusUrl, CancellationToken.None))?.Stage is "generate" or "select" or "enhance");

            runtime.Kill(entireProcessTree: true);
            await runtime.WaitForExitAsync();
            runtime.Dispose();
            runtime = studio.StartCli(env, "up");
            await WaitUntilAsync(() => TryGetAsync(http, "healthz"));
            var final = await ShootFlow.FollowAsync(http, shoot.StatusUrl);

            Assert.Equal("Delivered", final.Status);
            Assert.Equal(4, final.Delivered);
            var email = await studio.Inbox().FindForShootAsync(shoot.ShootId, TimeSpan.FromSeconds(30), CancellationToken.None);
            Assert.NotNull(email);
            var storage = new Headshots.Jobs.Storage.StorageClients(Microsoft.Extensions.Options.Options.Create(
                new StorageOptions { ConnectionString = Headshots.Local.Stack.AzuriteConnection.For(studio.Ports) }));
            var gallery = storage.Container(StorageNames.GalleryContainer).GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{shoot.ShootId}/", default).Select(b => b.Name).ToList();
            Assert.Equal(4, gallery.Count(n => n.EndsWith("-thumb.jpg", StringComparison.Ordinal)));
            Assert.Equal(4 * 3 + 2, gallery.Count);
        }
        finally
        {
            if (!runtime.HasExited) { runtime.Kill(entireProcessTree: true); await runtime.WaitForExitAsync(); }
            runtime.Dispose();
        }
    }

    [Fact]
    public async Task LocalRuntime_KilledWithSeveralShootsInFlight_EachDeliveredOnceWithAllImagesAndOneEmail()
    {
        var env = RestartableRuntime(variantsPerLook: 2);
        using var http = studio.Http(new Uri($"http://127.0.0.1:{studio.Ports.Http}/"));
        var runtime = studio.StartCli(env, "up");
        try
        {
            await WaitUntilAsync(() => TryGetAsync(http, "healthz"));
            var client = new StudioClient(http);
            // Uploaded at once, as three people would: each shoot's photos and order race the others'.
            var shoots = await Task.WhenAll(new[] { "ada", "bo", "cy" }.Select(name =>
                client.SubmitAsync($"{name}-load@example.com", ["corporate-grey"], studio.Photos(8), null, CancellationToken.None)));
            await WaitUntilAsync(async () =>
            {
                var stages = await Task.WhenAll(shoots.Select(s => client.GetStatusAsync(s.StatusUrl, CancellationToken.None)));
                return stages.All(s => s?.Stage is not (null or "queued")) && stages.Any(s => s?.Stage is "generate" or "select" or "enhance" or "upscale");
            });

            runtime.Kill(entireProcessTree: true);
            await runtime.WaitForExitAsync();
            runtime.Dispose();
            runtime = studio.StartCli(env, "up");
            await WaitUntilAsync(() => TryGetAsync(http, "healthz"));
            var finals = new List<Headshots.Pipeline.Api.ShootStatus>();
            foreach (var shoot in shoots)
            {
                finals.Add((await ShootFlow.UntilAsync(client, shoot.StatusUrl,
                    s => s.Status != "Running" && s.Email?.State is Headshots.Pipeline.Orchestrations.EmailStates.Sent or Headshots.Pipeline.Orchestrations.EmailStates.GivenUp,
                    ShootFlow.Timeout))!);
            }

            var storage = new Headshots.Jobs.Storage.StorageClients(Microsoft.Extensions.Options.Options.Create(
                new StorageOptions { ConnectionString = Headshots.Local.Stack.AzuriteConnection.For(studio.Ports) }));
            var inbox = studio.Inbox();
            var raws = await Task.WhenAll((await inbox.ListAsync(CancellationToken.None)).Select(m => inbox.RawAsync(m.Id, CancellationToken.None)));
            foreach (var (shoot, final) in shoots.Zip(finals))
            {
                Assert.Equal(("Delivered", Headshots.Pipeline.Orchestrations.EmailStates.Sent, 2), (final.Status, final.Email!.State, final.Delivered));
                var gallery = storage.Container(StorageNames.GalleryContainer)
                    .GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{shoot.ShootId}/", default).Select(b => b.Name).ToList();
                Assert.Equal(2, gallery.Count(n => n.EndsWith("-thumb.jpg", StringComparison.Ordinal)));
                Assert.Equal(2 * 3 + 2, gallery.Count);
                Assert.Single(raws, r => r.Contains($"X-Headshots-Shoot: {shoot.ShootId}", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (!runtime.HasExited) { runtime.Kill(entireProcessTree: true); await runtime.WaitForExitAsync(); }
            runtime.Dispose();
        }
    }

    /// <summary>A runtime of its own task hub whose queue messages and jobs come back soon after a kill, keeping 2 per look.</summary>
    Dictionary<string, string> RestartableRuntime(int variantsPerLook) => new()
    {
        ["LocalRuntime__HubName"] = studio.NewHub(),
        ["LocalRuntime__QueueVisibilityTimeout"] = "00:00:10",
        ["Pipeline__VariantsPerLook"] = variantsPerLook.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pipeline__KeepPerLook"] = "2",
        ["Pipeline__MinAcceptedPhotos"] = "8",
        ["Worker__VisibilityTimeout"] = "00:00:05",
    };

    static async Task<bool> TryGetAsync(HttpClient http, string path)
    {
        try { using var r = await http.GetAsync(path); return r.IsSuccessStatusCode; }
        catch (HttpRequestException) { return false; }
    }

    static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        T? found = null;
        await WaitUntilAsync(() => Task.FromResult((found = probe()) is not null));
        return found!;
    }

    /// <summary>Polls a condition the test cannot be told about (another process's progress), with a deadline.</summary>
    static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The condition was not reached within 3 minutes.");
    }
}
