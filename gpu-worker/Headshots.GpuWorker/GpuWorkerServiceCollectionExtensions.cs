using Headshots.Engines;
using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.Engines.Intake;
using Headshots.Engines.Edits;
using Headshots.Engines.Looks;
using Headshots.Engines.Onnx;
using Headshots.Engines.Retouch;
using Headshots.Engines.Segmentation;
using Headshots.Engines.Upscaling;
using Headshots.GpuWorker.Handlers;
using Headshots.GpuWorker.Health;
using Headshots.GpuWorker.Processing;
using Headshots.Jobs.Protocol;
using Headshots.Jobs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Headshots.GpuWorker;

public static class GpuWorkerServiceCollectionExtensions
{
    /// <summary>The worker's engines, handlers and queue loop; the same registration in the container and in the local runtime.</summary>
    public static IServiceCollection AddGpuWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHeadshotStorage(configuration);
        services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new PhotoLimits());
        services.AddSingleton<JobBlobs>();
        services.AddSingleton<IPhotoNormaliser, MagickPhotoNormaliser>();
        services.AddSingleton<IQualityMeter, MagickQualityMeter>();
        services.AddOptions<RenderOptions>()
            .Bind(configuration.GetSection(RenderOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var engines = configuration.GetSection(WorkerOptions.Section)["Engines"] ?? "models";
        if (engines == "models")
        {
            services.AddOptions<IntakeThresholds>().Bind(configuration.GetSection(IntakeThresholds.Section)).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeThresholds>>().Value);
            AddModelEngines(services);
        }
        else
        {
            // Without the models: framing by the photo's middle, a mild global retouch, Lanczos to 16 MP.
            services.AddSingleton<IHeadshotComposer, ClassicalHeadshotComposer>();
            services.AddSingleton<IFaceEnhancer, ClassicalFaceEnhancer>();
            services.AddSingleton<IUpscaler, LanczosUpscaler>();
        }

        if (engines == "noop")
        {
            foreach (var kind in GpuJobKinds.All) services.AddSingleton<IGpuJobHandler>(new NoOpJobHandler(kind));
        }
        else
        {
            services.AddSingleton<IGpuJobHandler, InspectJobHandler>();
            services.AddSingleton<IGpuJobHandler, IdentityJobHandler>();
            services.AddSingleton<IGpuJobHandler, GenerateJobHandler>();
            services.AddSingleton<IGpuJobHandler, EnhanceJobHandler>();
            services.AddSingleton<IGpuJobHandler, UpscaleJobHandler>();
            services.AddSingleton<IGpuJobHandler, RefineJobHandler>();
            services.AddSingleton<IGpuJobHandler, PrepareEditJobHandler>();
            services.AddSingleton<IGpuJobHandler, ReferencesJobHandler>();
            services.AddSingleton<IGpuJobHandler, AssessJobHandler>();
            if (engines == "models") AddDiffusion(services, configuration);
        }
        services.AddSingleton<GpuJobProcessor>();
        services.AddSingleton<WorkerCounters>();
        services.AddSingleton<WorkerHealth>();
        // Does nothing unless Worker:HealthPort is set (only the container image sets it).
        services.AddHostedService<HealthEndpoint>();
        // Hosted services start in order: the models are in place before the first job is taken.
        services.AddHostedService<ModelsDownloader>();
        services.AddHostedService<ModelsPreloader>();
        services.AddHostedService<GpuWorkerService>();
        return services;
    }

    /// <summary>
    /// The diffuse job, only where its models are (or are said to be): a worker without the multi-gigabyte SDXL
    /// files starts and runs every other job as before.
    /// </summary>
    static void AddDiffusion(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var configured = !string.IsNullOrWhiteSpace(options.DiffusionModelsPath);
        var folder = DiffusionModelsFolder.Resolve(options);
        if (!configured && !DiffusionModelsFolder.HasModels(folder)) return;

        services.AddKeyedSingleton(DiffusionModelsFolder.ServiceKey, (sp, _) =>
        {
            var worker = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value;
            return new OnnxModels(
                new OnnxSettings(DiffusionModelsFolder.Resolve(worker), worker.ExecutionProvider, worker.IntraOpThreads),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OnnxModels>>());
        });
        services.AddSingleton<IKeepMaskSource, FaceHairKeepMask>();
        services.AddSingleton(sp => new SdxlInpaintingPipeline(
            sp.GetRequiredKeyedService<OnnxModels>(DiffusionModelsFolder.ServiceKey),
            sp.GetRequiredService<IKeepMaskSource>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SdxlInpaintingPipeline>>()));
        services.AddSingleton<IGpuJobHandler, DiffuseJobHandler>();
    }

    /// <summary>The ONNX engines: one session per model for the process, on CUDA when asked for and present.</summary>
    static void AddModelEngines(IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value;
            return new OnnxModels(
                new OnnxSettings(ModelsFolder.Resolve(options), options.ExecutionProvider, options.IntraOpThreads),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OnnxModels>>());
        });
        services.AddSingleton<IFaceDetector, BlazeFaceDetector>(sp => new BlazeFaceDetector(sp.GetRequiredService<OnnxModels>()));
        services.AddSingleton<IFaceLandmarker, FaceMeshLandmarker>();
        services.AddSingleton<IFaceEmbedder, DlibFaceEmbedder>();
        services.AddSingleton<IPersonSegmenter, SelfieSegmenter>();
        services.AddSingleton<FaceAnalyser>();
        services.AddSingleton<EsrganModelUpscaler>();
        services.AddSingleton<IUpscaler>(sp => new DeliveryUpscaler(sp.GetRequiredService<EsrganModelUpscaler>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RenderOptions>>().Value.LanczosUpTo));
        services.AddSingleton<IFaceEnhancer, LandmarkFaceEnhancer>();
        services.AddSingleton<IHeadshotComposer, ModelHeadshotComposer>();
        services.AddSingleton<IHeadshotEditor, ModelHeadshotEditor>();
        services.AddSingleton<EditMaskBuilder>();
        services.AddSingleton<PhotoIntake>();
    }
}
