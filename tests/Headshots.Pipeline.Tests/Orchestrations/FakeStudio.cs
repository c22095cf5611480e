using System.Collections.Concurrent;
using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Generation;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Headshots.Pipeline.Tests.Orchestrations;

/// <summary>
/// The shoot orchestrator on the in-memory durable host, with its activities replaced by recorders and the GPU worker
/// by a function that answers each job (or stays silent, to exercise timeouts). Only the orchestration logic is real here;
/// the end-to-end tests run the real activities, queues and worker on Azurite.
/// </summary>
internal sealed class FakeStudio : IAsyncDisposable
{
    readonly DurableTaskTestHost host;

    FakeStudio(DurableTaskTestHost host) => this.host = host;

    public ConcurrentQueue<StageRecord> Stages { get; } = new();
    public ConcurrentQueue<GpuJobMessage> Submissions { get; } = new();
    /// <summary>The emails the mail server took (a try during an outage is not among them).</summary>
    public ConcurrentQueue<Notification> Notifications { get; } = new();

    /// <summary>Every try to send an email, taken or not.</summary>
    public ConcurrentQueue<Notification> MailTries { get; } = new();

    /// <summary>How many tries the mail server refuses before it answers again; int.MaxValue for one that never comes back.</summary>
    public int MailOutageTries { get; set; }
    public ConcurrentQueue<PhotoVerdictBatch> Verdicts { get; } = new();
    public ConcurrentQueue<PublishRequest> Publications { get; } = new();
    public ConcurrentQueue<LookGenerationInput> Generations { get; } = new();
    public DurableTaskClient Client => host.Client;

    /// <summary>Answers a generated-look activity call (the cloud image model's stand-in at this level).</summary>
    public Func<LookGenerationInput, GenerativeEditOutput> Generator { get; set; } = Generated;

    int generating;

    /// <summary>The most generated-look calls that were running at once.</summary>
    public int MostConcurrentGenerations { get; private set; }

    /// <summary>Answers a job, or returns null to leave it unanswered (as a lost message would).</summary>
    public Func<GpuJobMessage, GpuJobResult?> Worker { get; set; } = Succeed;

    public static async Task<FakeStudio> StartAsync(int photos)
    {
        FakeStudio? studio = null;
        var host = await DurableTestHosts.StartAsync(r =>
        {
            r.AddOrchestrator<ShootOrchestrator>();
            r.AddOrchestrator<StopNoticeOrchestrator>();
            r.AddActivityFunc<string, List<string>>(nameof(ListUploadedPhotosActivity), (_, shootId) =>
                Enumerable.Range(1, photos).Select(i => $"uploads/{shootId}/photos/p{i:00}.jpg").ToList());
            r.AddActivityFunc<GpuJobBatch, int>(nameof(SubmitGpuJobsActivity), (ctx, batch) =>
            {
                if (batch.Stage is { } stage) studio!.Stages.Enqueue(stage);
                foreach (var job in batch.Jobs)
                {
                    studio!.Submissions.Enqueue(job);
                    if (studio.Worker(job) is { } result)
                    {
                        _ = Task.Run(() => studio.host.Client.RaiseEventAsync(job.InstanceId, GpuJobMessage.EventName(job.JobId), result));
                    }
                }
                return batch.Jobs.Count;
            });
            r.AddActivityFunc<LookGenerationInput, GenerativeEditOutput>(nameof(GenerateLookActivity), async (_, g) =>
            {
                studio!.Generations.Enqueue(g);
                var now = Interlocked.Increment(ref studio.generating);
                lock (studio) studio.MostConcurrentGenerations = Math.Max(studio.MostConcurrentGenerations, now);
                // Long enough for the orchestrator to have started every call it is allowed to run at once.
                await Task.Delay(50);
                Interlocked.Decrement(ref studio.generating);
                return studio.Generator(g);
            });
            r.AddActivityFunc<StageRecord, bool>(nameof(RecordStageActivity), (_, s) => { studio!.Stages.Enqueue(s); return true; });
            r.AddActivityFunc<PhotoVerdictBatch, bool>(nameof(RecordPhotoVerdictsActivity), (_, v) => { studio!.Verdicts.Enqueue(v); return true; });
            r.AddActivity<SelectHeadshotsActivity>();
            r.AddActivityFunc<PublishRequest, PublishedGallery>(nameof(PublishGalleryActivity), (_, p) =>
            {
                if (p.Stage is { } stage) studio!.Stages.Enqueue(stage);
                studio!.Publications.Enqueue(p);
                return new PublishedGallery("token", $"http://studio.test/g/{p.ShootId}", p.Images.Count);
            });
            r.AddActivityFunc<Notification, string>(nameof(NotifyActivity), (_, n) =>
            {
                studio!.MailTries.Enqueue(n);
                if (studio.MailTries.Count <= studio.MailOutageTries) throw new IOException("Connection refused");
                if (n.Before is { } before) studio!.Stages.Enqueue(before);
                studio!.Notifications.Enqueue(n);
                if (n.After is { } after) studio.Stages.Enqueue(after);
                return "250 OK";
            });
        });
        studio = new FakeStudio(host);
        return studio;
    }

    public async Task<ShootOutcome> RunAsync(ShootInput input)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ShootOrchestrator), input, new StartOrchestrationOptions(input.ShootId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var done = await host.Client.WaitForInstanceCompletionAsync(input.ShootId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<ShootOutcome>()!;
    }

    /// <summary>The cloud engine's settings: every call expected (and, by <see cref="Generated"/>, made) at 0.10.</summary>
    public static GenerationSettings Cloud(int candidates = 3, decimal budget = 3m, int concurrent = 4) =>
        new(CandidateEngines.AzureOpenAi, candidates, 4, "medium", concurrent, budget, 0.10m, 0.10m, "USD", false);

    public static GenerativeEditOutput Generated(LookGenerationInput g) =>
        new(true, g.OutputPath, GenerativeEditFailure.None, null, 1, 0.10m, "v1");

    public static ShootInput Input(string shootId, int looks = 2, int variants = 3, int keep = 2, int minAccepted = 8, TimeSpan? timeout = null, int attempts = 3,
        bool webP = false, GenerationSettings? generation = null, EmailRetrySettings? emailRetry = null) => new(
        shootId, "person@example.com", "Ada",
        Enumerable.Range(0, looks).Select(i => new LookChoice(i % 2 == 0 ? "corporate-grey" : "bw-editorial", i % 2 == 0 ? "4:5" : "1:1")).ToList(),
        new ShootSettings(minAccepted, 15, variants, keep, timeout ?? TimeSpan.FromMinutes(5), attempts, DeliverWebP: webP, Generation: generation,
            EmailRetry: emailRetry));

    /// <summary>What a healthy worker returns for each kind of job.</summary>
    public static GpuJobResult Succeed(GpuJobMessage job)
    {
        var output = $"{job.OutputPrefix}{job.JobId}.jpg";
        var measured = new ImageMeasurements(1024, 1280, 100 + job.JobId.Length, 0, 0, 118);
        GpuJobValues values = job.Kind switch
        {
            GpuJobKinds.Inspect => new InspectResult(null, new InspectedPhoto(output, null, measured, "JPEG", 1024, 1280), null),
            GpuJobKinds.Identity => new IdentityResult($"{job.OutputPrefix}profile.json", job.Inputs, 0, null),
            GpuJobKinds.Generate or GpuJobKinds.Assess => new CandidateResult(output, job.Parameters.GetValueOrDefault("look", ""), "4:5", measured, null),
            GpuJobKinds.Enhance => new EnhanceResult(output, measured),
            GpuJobKinds.Upscale => new UpscaleResult(new UpscaleOutputs(output, $"{job.OutputPrefix}{job.JobId}-web.jpg", $"{job.OutputPrefix}{job.JobId}-thumb.jpg",
                WebPAskedFor(job) ? $"{job.OutputPrefix}{job.JobId}.webp" : null, WebPAskedFor(job) ? $"{job.OutputPrefix}{job.JobId}-web.webp" : null), 3580, 4475, 4_000_000),
            GpuJobKinds.References => new ReferencesResult(job.Inputs.Select((_, i) => $"{job.OutputPrefix}{i:00}.jpg").ToList(), 0),
            GpuJobKinds.Diffuse => new DiffuseResult(output, 1, 0.01),
            _ => throw new InvalidOperationException($"The fake worker has no answer for '{job.Kind}' jobs."),
        };
        return GpuJobResult.Success(job.JobId, job.InstanceId, values, "fake", 0.01);
    }

    /// <summary>Whether an upscale job asks for WebP, read as the worker reads it.</summary>
    public static bool WebPAskedFor(GpuJobMessage job) =>
        job.Parameters.TryGetValue(UpscaleJob.WebPParameter, out var value) && bool.Parse(value);

    public static GpuJobResult Rejected(GpuJobMessage job, string code) => GpuJobResult.Success(job.JobId, job.InstanceId,
        new InspectResult(new PhotoRejection(code, "This file is not a photo.", "Upload a JPEG."), null, null), "fake", 0.01);

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
