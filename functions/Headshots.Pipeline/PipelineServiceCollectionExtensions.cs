using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Delivery;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Generation;
using Headshots.Pipeline.Intake;
using Headshots.Pipeline.Limits;
using Headshots.Pipeline.Options;
using Headshots.Pipeline.Orchestrations;
using Headshots.Pipeline.Refine;
using Headshots.Pipeline.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Headshots.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Everything the orchestrations, activities and HTTP handlers need; the Functions app and the local runtime both call this.</summary>
    public static IServiceCollection AddHeadshotPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHeadshotStorage(configuration);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GpuJobOptions>().Bind(configuration.GetSection(GpuJobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GenerationOptions>().Bind(configuration.GetSection(GenerationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EditingOptions>().Bind(configuration.GetSection(EditingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailRetryOptions>().Bind(configuration.GetSection(EmailRetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHeadshotLimits(configuration);

        services.AddSingleton<GpuJobQueue>();
        services.AddSingleton<ShootStore>();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<GalleryStore>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<ShootNotifier>();
        services.AddSingleton<ShootSettingsFactory>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<GpuResultForwarder>();
        services.AddSingleton<UploadSasIssuer>();
        services.AddSingleton<OrderTrainings>();
        services.AddSingleton<ShootRegistration>();
        services.AddSingleton<ReshootRequests>();
        services.AddSingleton<ShootsApi>();
        services.AddSingleton<ShootDeleteApi>();
        services.AddSingleton<ShootDataEraser>();
        services.AddSingleton<OrderEraser>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<GalleryApi>();
        services.AddSingleton<GalleryManifestStore>();
        services.AddSingleton<RefineStore>();
        services.AddSingleton<RefineApi>();
        services.AddSingleton<LookPrompts>();
        services.AddGenerativeEditing(configuration);
        return services;
    }

    /// <summary>The orchestrators and activities, under the names the Functions app declares them by.</summary>
    public static DurableTaskRegistry AddHeadshotTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<ShootOrchestrator>();
        registry.AddActivity<ListUploadedPhotosActivity>();
        registry.AddActivity<SubmitGpuJobsActivity>();
        registry.AddActivity<RecordStageActivity>();
        registry.AddActivity<RecordPhotoVerdictsActivity>();
        registry.AddActivity<SelectHeadshotsActivity>();
        registry.AddActivity<PublishGalleryActivity>();
        registry.AddActivity<NotifyActivity>();
        registry.AddOrchestrator<StopNoticeOrchestrator>();
        registry.AddOrchestrator<RefineOrchestrator>();
        registry.AddActivity<RecordRefineActivity>();
        registry.AddActivity<PublishVersionActivity>();
        registry.AddActivity<GenerativeEditActivity>();
        registry.AddActivity<GenerateLookActivity>();
        return registry;
    }
}
