namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>A finished run: the PNG, its size, and where the time went.</summary>
public sealed record DiffusionResult(byte[] Png, int Width, int Height, string Provider, DiffusionTimings Timings);
