namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// Timings of one run. The denoising figures cover the UNet loops only (both passes): per step, the UNet call and the
/// C# around it; allocations are the managed bytes the steps allocated on their thread (each pass's buffers, made
/// once before its first step, are not counted), the steady cost of the C# loop.
/// </summary>
public sealed record DiffusionTimings(TimeSpan Total, TimeSpan Denoising, IReadOnlyList<TimeSpan> StepTimes, long DenoisingAllocatedBytes)
{
    public int UNetSteps => StepTimes.Count;

    public double AllocatedBytesPerStep => UNetSteps == 0 ? 0 : DenoisingAllocatedBytes / (double)UNetSteps;
}
