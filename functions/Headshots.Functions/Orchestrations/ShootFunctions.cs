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
    public Task<List<string>> ListUploadedPhotos([ActivityTrigger] string shootId) =>
        Create<ListUploadedPhotosActivity>().RunAsync(null!, shootId);

    [Function(nameof(SubmitGpuJobsActivity))]
    public Task<int> SubmitGpuJobs([ActivityTrigger] GpuJobBatch batch) =>
        Create<SubmitGpuJobsActivity>().RunAsync(null!, batch);

    [Function(nameof(RecordStageActivity))]
    public Task<bool> RecordStage([ActivityTrigger] StageRecord record) =>
        Create<RecordStageActivity>().RunAsync(null!, record);

    [Function(nameof(RecordPhotoVerdictsActivity))]
    public Task<bool> RecordPhotoVerdicts([ActivityTrigger] PhotoVerdictBatch batch) =>
        Create<RecordPhotoVerdictsActivity>().RunAsync(null!, batch);

    [Function(nameof(SelectHeadshotsActivity))]
    public Task<List<SelectedHeadshot>> SelectHeadshots([ActivityTrigger] SelectionRequest request) =>
        Create<SelectHeadshotsActivity>().RunAsync(null!, request);

    [Function(nameof(PublishGalleryActivity))]
    public Task<PublishedGallery> PublishGallery([ActivityTrigger] PublishRequest request) =>
        Create<PublishGalleryActivity>().RunAsync(null!, request);

    [Function(nameof(NotifyActivity))]
    public Task<string> Notify([ActivityTrigger] Notification notification) =>
        Create<NotifyActivity>().RunAsync(null!, notification);

    [Function(nameof(RefineOrchestrator))]
    public Task<RefineOutcome> Refine([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RefineOrchestrator().RunAsync(context, context.GetInput<RefineInput>()!);

    [Function(nameof(RecordRefineActivity))]
    public Task<bool> RecordRefine([ActivityTrigger] RefineRecord record) =>
        Create<RecordRefineActivity>().RunAsync(null!, record);

    [Function(nameof(PublishVersionActivity))]
    public Task<int> PublishVersion([ActivityTrigger] VersionRequest request) =>
        Create<PublishVersionActivity>().RunAsync(null!, request);

    [Function(nameof(GenerativeEditActivity))]
    public Task<GenerativeEditOutput> GenerativeEdit([ActivityTrigger] GenerativeEditInput input, FunctionContext context) =>
        Create<GenerativeEditActivity>().RunAsync(input, context.CancellationToken);

    [Function(nameof(GenerateLookActivity))]
    public Task<GenerativeEditOutput> GenerateLook([ActivityTrigger] LookGenerationInput input, FunctionContext context) =>
        Create<GenerateLookActivity>().RunAsync(input, context.CancellationToken);

    T Create<T>() where T : class => ActivatorUtilities.CreateInstance<T>(services);
}
