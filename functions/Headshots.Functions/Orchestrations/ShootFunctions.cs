using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Generation;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Refine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.Functions.Orchestrations;

/// <summary>
/// Each orchestrator and activity declared as a small [Function] that calls the shared class, under the same name the
/// local runtime registers it by (class-based discovery in Functions is unreliable, and the generators are not served).
/// </summary>
public sealed class ShootFunctions(IServiceProvider services)
{
    [Function(nameof(ShootOrchestrator))]
    public Task<ShootOutcome> Shoot([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ShootOrchestrator().RunAsync(context, context.GetInput<ShootInput>()!);

    [Function(nameof(ListUploadedPhotosActivity))]
    public Task<List<string>> ListUploadedPhotos([ActivityTrigger] string shootId, FunctionContext context) =>
        Create<ListUploadedPhotosActivity>().RunAsync(shootId, context.CancellationToken);

    [Function(nameof(SubmitGpuJobsActivity))]
    public Task<int> SubmitGpuJobs([ActivityTrigger] GpuJobBatch batch, FunctionContext context) =>
        Create<SubmitGpuJobsActivity>().RunAsync(batch, context.CancellationToken);

    [Function(nameof(RecordStageActivity))]
    public Task<bool> RecordStage([ActivityTrigger] StageRecord record, FunctionContext context) =>
        Create<RecordStageActivity>().RunAsync(record, context.CancellationToken);

    [Function(nameof(RecordPhotoVerdictsActivity))]
    public Task<bool> RecordPhotoVerdicts([ActivityTrigger] PhotoVerdictBatch batch, FunctionContext context) =>
        Create<RecordPhotoVerdictsActivity>().RunAsync(batch, context.CancellationToken);

    [Function(nameof(SelectHeadshotsActivity))]
    public Task<List<SelectedHeadshot>> SelectHeadshots([ActivityTrigger] SelectionRequest request) =>
        Task.FromResult(SelectHeadshotsActivity.Select(request));

    [Function(nameof(PublishGalleryActivity))]
    public Task<PublishedGallery> PublishGallery([ActivityTrigger] PublishRequest request, FunctionContext context) =>
        Create<PublishGalleryActivity>().RunAsync(request, context.CancellationToken);

    [Function(nameof(NotifyActivity))]
    public Task<string> Notify([ActivityTrigger] Notification notification, FunctionContext context) =>
        Create<NotifyActivity>().RunAsync(notification, context.CancellationToken);

    [Function(nameof(StopNoticeOrchestrator))]
    public Task<bool> StopNotice([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new StopNoticeOrchestrator().RunAsync(context, context.GetInput<StopNotice>()!);

    [Function(nameof(RefineOrchestrator))]
    public Task<RefineOutcome> Refine([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RefineOrchestrator().RunAsync(context, context.GetInput<RefineInput>()!);

    [Function(nameof(RecordRefineActivity))]
    public Task<bool> RecordRefine([ActivityTrigger] RefineRecord record, FunctionContext context) =>
        Create<RecordRefineActivity>().RunAsync(record, context.CancellationToken);

    [Function(nameof(PublishVersionActivity))]
    public Task<int> PublishVersion([ActivityTrigger] VersionRequest request, FunctionContext context) =>
        Create<PublishVersionActivity>().RunAsync(request, context.CancellationToken);

    [Function(nameof(GenerativeEditActivity))]
    public Task<GenerativeEditOutput> GenerativeEdit([ActivityTrigger] GenerativeEditInput input, FunctionContext context) =>
        Create<GenerativeEditActivity>().RunAsync(input, context.CancellationToken);

    [Function(nameof(GenerateLookActivity))]
    public Task<GenerativeEditOutput> GenerateLook([ActivityTrigger] LookGenerationInput input, FunctionContext context) =>
        Create<GenerateLookActivity>().RunAsync(input, context.CancellationToken);

    T Create<T>() where T : class => ActivatorUtilities.CreateInstance<T>(services);
}
