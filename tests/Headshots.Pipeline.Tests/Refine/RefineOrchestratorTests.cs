using System.Collections.Concurrent;
using Headshots.Jobs.Protocol;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Headshots.Pipeline.Tests.Refine;

/// <summary>The refine orchestration on the in-memory durable host, with the worker answering each job as scripted.</summary>
public sealed class RefineOrchestratorTests
{
    sealed class Recorder
    {
        public ConcurrentQueue<GpuJobMessage> Jobs { get; } = new();
        public ConcurrentQueue<RefineRecord> Records { get; } = new();
        public ConcurrentQueue<VersionRequest> Published { get; } = new();
        public ConcurrentQueue<GenerativeEditInput> Edits { get; } = new();
        public Func<GenerativeEditInput, GenerativeEditOutput> Editor { get; set; } = e =>
            new GenerativeEditOutput(true, e.OutputPath, GenerativeEditFailure.None, null, 1, 0.17m, "v1");
        public Func<GpuJobMessage, GpuJobResult> Worker { get; set; } = _ => throw new InvalidOperationException();
    }

    static RefineInput Input(double threshold = 0.6, bool webP = false) => new(
        "s1", "r1", "corporate-grey-01", 1, "4:5", "work/s1/candidates/corporate-grey-00.jpg",
        new Dictionary<string, string> { ["clothes"] = "#1f2a44", ["skinSmoothing"] = "0.2" },
        new Dictionary<string, string> { ["skinSmoothing"] = "0.2" },
        "clothes navy, skin smoothing 0.2", "work/s1/identity/profile.json",
        new ShootSettings(8, 15, 2, 1, TimeSpan.FromMinutes(2), 2, threshold, webP));

    static GpuJobResult Refined(GpuJobMessage job, double distance) => GpuJobResult.Success(job.JobId, job.InstanceId,
        new RefineResult($"{job.OutputPrefix}base.jpg", $"{job.OutputPrefix}master.jpg", new ImageMeasurements(816, 1020, 100, 0, 0, 118),
            new HeadshotFace(distance, null, null)), "fake", 0.01);

    static GpuJobResult Rendered(GpuJobMessage job, int? inputWidth = null, int? inputHeight = null) => GpuJobResult.Success(job.JobId, job.InstanceId, new UpscaleResult(
        job.Parameters.GetValueOrDefault(UpscaleJob.WebPParameter) == "true"
            ? new UpscaleOutputs($"{job.OutputPrefix}master.jpg", $"{job.OutputPrefix}master-web.jpg", $"{job.OutputPrefix}master-thumb.jpg", $"{job.OutputPrefix}master.webp", $"{job.OutputPrefix}master-web.webp")
            : new UpscaleOutputs($"{job.OutputPrefix}master.jpg", $"{job.OutputPrefix}master-web.jpg", $"{job.OutputPrefix}master-thumb.jpg"),
        3580, 4475, 4_000_000, inputWidth, inputHeight), "fake", 0.01);

    static async Task<(RefineOutcome Outcome, Recorder Recorder)> RunAsync(RefineInput input, Func<GpuJobMessage, GpuJobResult> worker,
        Func<GenerativeEditInput, GenerativeEditOutput>? editor = null)
    {
        var recorder = new Recorder { Worker = worker };
        if (editor is not null) recorder.Editor = editor;
        DurableTaskTestHost? host = null;
        host = await DurableTestHosts.StartAsync(r =>
        {
            r.AddOrchestrator<RefineOrchestrator>();
            r.AddActivityFunc<GpuJobBatch, int>(nameof(SubmitGpuJobsActivity), (context, batch) =>
            {
                foreach (var job in batch.Jobs)
                {
                    recorder.Jobs.Enqueue(job);
                    var result = recorder.Worker(job);
                    _ = Task.Run(() => host!.Client.RaiseEventAsync(job.InstanceId, GpuJobMessage.EventName(job.JobId), result));
                }
                return batch.Jobs.Count;
            });
            r.AddActivityFunc<RefineRecord, bool>(nameof(RecordRefineActivity), (_, record) => { recorder.Records.Enqueue(record); return true; });
            r.AddActivityFunc<VersionRequest, int>(nameof(PublishVersionActivity), (_, request) => { recorder.Published.Enqueue(request); return 2; });
            r.AddActivityFunc<GenerativeEditInput, GenerativeEditOutput>(nameof(GenerativeEditActivity), (_, edit) => { recorder.Edits.Enqueue(edit); return recorder.Editor(edit); });
        });
        await using (host)
        {
            var id = RefineOrchestrator.InstanceIdFor(input.RefineId);
            await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RefineOrchestrator), input, new StartOrchestrationOptions(id));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            return (done.ReadOutputAs<RefineOutcome>()!, recorder);
        }
    }

    [Fact]
    public async Task RunAsync_ResultStillThePerson_RendersAt16MegapixelsAndAddsVersion()
    {
        var (outcome, recorder) = await RunAsync(Input(), job => job.Kind == GpuJobKinds.Refine ? Refined(job, 0.12) : Rendered(job));

        Assert.Equal((RefineStatuses.Delivered, 2, 0.12), (outcome.Status, outcome.Version, outcome.IdentityDistance));
        var jobs = recorder.Jobs.ToList();
        Assert.Equal([GpuJobKinds.Refine, GpuJobKinds.Upscale], jobs.Select(j => j.Kind));
        Assert.Equal(["work/s1/candidates/corporate-grey-00.jpg"], jobs[0].Inputs);
        Assert.Equal("#1f2a44", jobs[0].Parameters["clothes"]);
        Assert.Equal("work/s1/identity/profile.json", jobs[0].Parameters["identity"]);
        Assert.Equal(["work/s1/refine/r1/refine-r1/master.jpg"], jobs[1].Inputs);
        Assert.Equal("4:5", jobs[1].Parameters["aspect"]);
        Assert.Equal("false", jobs[1].Parameters[UpscaleJob.WebPParameter]);
        var published = Assert.Single(recorder.Published);
        Assert.Equal(("corporate-grey-01", "work/s1/refine/r1/refine-r1/base.jpg", 3580, 0.12), (published.ImageId, published.BasePath, published.Width, published.IdentityDistance));
        Assert.Equal(((string?)null, (string?)null), (published.FullWebP, published.WebWebP));
        Assert.Equal([RefineStatuses.Running, RefineStatuses.Delivered], recorder.Records.Select(r => r.Status));
    }

    [Fact]
    public async Task RunAsync_DeliverWebP_RendersWebPAndAddsItWithTheVersion()
    {
        var (outcome, recorder) = await RunAsync(Input(webP: true), job => job.Kind == GpuJobKinds.Refine ? Refined(job, 0.12) : Rendered(job));

        Assert.Equal(RefineStatuses.Delivered, outcome.Status);
        var upscale = Assert.Single(recorder.Jobs, j => j.Kind == GpuJobKinds.Upscale);
        Assert.Equal("true", upscale.Parameters[UpscaleJob.WebPParameter]);
        var published = Assert.Single(recorder.Published);
        Assert.Equal(("work/s1/refine/r1/master.jpg", "work/s1/refine/r1/master.webp", "work/s1/refine/r1/master-web.webp"),
            (published.Full, published.FullWebP, published.WebWebP));
    }

    [Fact]
    public async Task RunAsync_ResultDriftsFromThePerson_IsRefusedWithTheReasonAndNeverPublished()
    {
        var (outcome, recorder) = await RunAsync(Input(threshold: 0.6), job => job.Kind == GpuJobKinds.Refine ? Refined(job, 0.71) : Rendered(job));

        Assert.Equal(RefineStatuses.Refused, outcome.Status);
        Assert.Null(outcome.Version);
        Assert.Contains("no longer looks enough like you (identity distance 0.71, above the 0.60", outcome.Message, StringComparison.Ordinal);
        Assert.Equal([GpuJobKinds.Refine], recorder.Jobs.Select(j => j.Kind));
        Assert.Empty(recorder.Published);
        Assert.Equal(RefineStatuses.Refused, recorder.Records.Last().Status);
    }

    [Fact]
    public async Task RunAsync_EditFails_EndsFailedWithTheWorkersReason()
    {
        var (outcome, recorder) = await RunAsync(Input(), job => GpuJobResult.Failure(job.JobId, job.InstanceId, "invalid-job", "Clothes edits need the person model."));

        Assert.Equal(RefineStatuses.Failed, outcome.Status);
        Assert.Contains("Clothes edits need the person model.", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(recorder.Published);
        Assert.Equal(RefineStatuses.Failed, recorder.Records.Last().Status);
    }

    static RefineInput HairInput() => Input() with
    {
        JobFields = new Dictionary<string, string>(),
        Changes = "hair: short bob",
        Generative = new GenerativeChange(GenerativeEditKind.Hair, "hair", "short bob", ["work/s1/identity/faces/p01.jpg"]),
    };

    static GpuJobResult Prepared(GpuJobMessage job) => GpuJobResult.Success(job.JobId, job.InstanceId,
        new PrepareEditResult($"{job.OutputPrefix}edit-image.png", $"{job.OutputPrefix}edit-mask.png", "hair", 0.2), "fake", 0.01);

    [Fact]
    public async Task RunAsync_HairEditDriftsOnce_AsksTheModelAgainAndDeliversTheSecond()
    {
        var refines = 0;
        var (outcome, recorder) = await RunAsync(HairInput(), job => job.Kind switch
        {
            GpuJobKinds.PrepareEdit => Prepared(job),
            GpuJobKinds.Refine => Refined(job, Interlocked.Increment(ref refines) == 1 ? 0.75 : 0.2),
            _ => Rendered(job),
        });

        Assert.Equal((RefineStatuses.Delivered, 0.2), (outcome.Status, outcome.IdentityDistance));
        Assert.Equal(["r1-1", "r1-2"], recorder.Edits.Select(e => e.OperationId));
        var edit = recorder.Edits.First();
        Assert.Equal((GenerativeEditKind.Hair, "short bob", "work/s1/refine/r1/edit-image.png", "work/s1/refine/r1/edit-mask.png"),
            (edit.Kind, edit.Description, edit.ImagePath, edit.MaskPath));
        Assert.Equal(["work/s1/identity/faces/p01.jpg"], edit.ReferencePaths);
        var refineJobs = recorder.Jobs.Where(j => j.Kind == GpuJobKinds.Refine).ToList();
        Assert.Equal(["work/s1/refine/r1/generated-1.png", "work/s1/refine/r1/generated-2.png"], refineJobs.Select(j => j.Parameters["generated"]));
        Assert.All(refineJobs, j => Assert.Equal(("hair", "work/s1/candidates/corporate-grey-00.jpg"), (j.Parameters["region"], j.Inputs[0])));
        Assert.Single(recorder.Published);
    }

    [Fact]
    public async Task RunAsync_HairEditKeepsDrifting_StopsAfterTheBoundAndIsRefused()
    {
        var (outcome, recorder) = await RunAsync(HairInput(), job => job.Kind == GpuJobKinds.PrepareEdit ? Prepared(job) : Refined(job, 0.8));

        Assert.Equal(RefineStatuses.Refused, outcome.Status);
        Assert.Equal(RefineOrchestrator.MaxGenerativeAttempts, recorder.Edits.Count);
        Assert.Empty(recorder.Published);
    }

    [Fact]
    public async Task RunAsync_ContentFilterRefusesTheEdit_EndsFailedWithThePlainWordsMessage()
    {
        var (outcome, recorder) = await RunAsync(HairInput(), job => job.Kind == GpuJobKinds.PrepareEdit ? Prepared(job) : Refined(job, 0.1),
            e => new GenerativeEditOutput(false, null, GenerativeEditFailure.ContentFiltered, "The image service declined this change.", 1, 0, "v1"));

        Assert.Equal((RefineStatuses.Failed, "The image service declined this change."), (outcome.Status, outcome.Message));
        Assert.DoesNotContain(recorder.Jobs, j => j.Kind == GpuJobKinds.Refine);
        Assert.Empty(recorder.Published);
    }

    /// <summary>A native image's version 1 as its gallery records it: the enhance job's full-resolution render as its base, from a 5.2 MP crop.</summary>
    static RefineInput NativeInput(double? sourceMegapixels) => Input() with
    {
        SourceBase = "work/s1/enhanced/enhance-corporate-grey-00-base.jpg",
        SourceMegapixels = sourceMegapixels,
    };

    [Theory]
    // The master at the base's full 2114 × 2642 (5.59 MP): the version holds what the crop held.
    [InlineData(2114, 2642, 5.2)]
    // A master smaller than the crop holds only its own pixels: 816 × 1020.
    [InlineData(816, 1020, 0.83232)]
    public async Task RunAsync_NativeImage_RefinesTheFullResolutionBaseAndRecordsTheRealSourceResolution(int masterWidth, int masterHeight, double megapixels)
    {
        var (outcome, recorder) = await RunAsync(NativeInput(5.2), job => job.Kind == GpuJobKinds.Refine ? Refined(job, 0.12) : Rendered(job, masterWidth, masterHeight));

        Assert.Equal(RefineStatuses.Delivered, outcome.Status);
        var refine = Assert.Single(recorder.Jobs, j => j.Kind == GpuJobKinds.Refine);
        Assert.Equal(["work/s1/enhanced/enhance-corporate-grey-00-base.jpg"], refine.Inputs);
        var published = Assert.Single(recorder.Published);
        Assert.Equal(megapixels, published.SourceMegapixels!.Value, 6);
        Assert.Null(published.Redrawn);
    }

    [Fact]
    public async Task RunAsync_SourceVersionWithoutRecordedResolution_ClaimsNone()
    {
        var (_, recorder) = await RunAsync(NativeInput(null), job => job.Kind == GpuJobKinds.Refine ? Refined(job, 0.12) : Rendered(job, 2114, 2642));

        Assert.Null(Assert.Single(recorder.Published).SourceMegapixels);
    }

    [Fact]
    public async Task RunAsync_HairEditOfNativeImage_PreparesAndMergesOnTheFullResolutionBaseAndSaysWhatWasRedrawn()
    {
        var (_, recorder) = await RunAsync(HairInput() with { SourceBase = "work/s1/enhanced/enhance-corporate-grey-00-base.jpg", SourceMegapixels = 5.2 }, job => job.Kind switch
        {
            GpuJobKinds.PrepareEdit => Prepared(job),
            GpuJobKinds.Refine => Refined(job, 0.2),
            _ => Rendered(job, 2114, 2642),
        });

        Assert.All(recorder.Jobs.Where(j => j.Kind is GpuJobKinds.PrepareEdit or GpuJobKinds.Refine),
            j => Assert.Equal(["work/s1/enhanced/enhance-corporate-grey-00-base.jpg"], j.Inputs));
        var published = Assert.Single(recorder.Published);
        Assert.Equal((5.2, "hair"), (published.SourceMegapixels, published.Redrawn));
    }

    [Fact]
    public async Task RunAsync_BackgroundEditOfAVersionWithRedrawnHair_SaysBothWereRedrawn()
    {
        var input = HairInput() with { Generative = new GenerativeChange(GenerativeEditKind.Scene, "background", "library", []), SourceRedrawn = "hair", SourceMegapixels = 5.2 };

        var (_, recorder) = await RunAsync(input, job => job.Kind switch
        {
            GpuJobKinds.PrepareEdit => Prepared(job),
            GpuJobKinds.Refine => Refined(job, 0.2),
            _ => Rendered(job, 2114, 2642),
        });

        Assert.Equal("hair and background", Assert.Single(recorder.Published).Redrawn);
    }
}
