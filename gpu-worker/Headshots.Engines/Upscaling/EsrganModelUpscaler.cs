using Headshots.Engines.Onnx;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Upscaling;

/// <summary>
/// The delivery upscaler the worker registers: ESRGAN from the shared model sessions, created on the first
/// upscale, so a worker whose models are missing still starts and fails only the jobs that need them, saying why.
/// </summary>
public sealed class EsrganModelUpscaler(OnnxModels models) : IUpscaler
{
    private readonly Lazy<EsrganDeliveryUpscaler> upscaler = new(
        () => new EsrganDeliveryUpscaler(new EsrganUpscaler(models.Session(ModelIds.Esrgan))), LazyThreadSafetyMode.ExecutionAndPublication);

    public DeliveredImage Upscale(byte[] jpeg, AspectRatio aspect, bool webP, CancellationToken cancellationToken) =>
        upscaler.Value.Upscale(jpeg, aspect, webP, cancellationToken);
}
