namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>A finished run: the PNG, its size, and where the time went.</summary>
public sealed record DiffusionResult(byte[] Png, int Width, int Height, string Provider, DiffusionTimings Timings);

/// <summary>
/// Timings of one run. The denoising figures cover the UNet loops only (both passes): per step, the UNet call and the
/// C# around it; allocations are the managed bytes the loop's thread allocated, the C# loop's overhead.
/// </summary>
public sealed record DiffusionTimings(TimeSpan Total, TimeSpan Denoising, IReadOnlyList<TimeSpan> StepTimes, long DenoisingAllocatedBytes)
{
    public int UNetSteps => StepTimes.Count;

    public double AllocatedBytesPerStep => UNetSteps == 0 ? 0 : DenoisingAllocatedBytes / (double)UNetSteps;
}
