namespace Headshots.Models.Diffusion;

/// <summary>The element type of a tiny model's float inputs and outputs (inside, they compute in fp32 either way).</summary>
public enum TinySdxlPrecision
{
    Float32,

    /// <summary>As the GPU exports: float16 tensors in and out, and an int64 timestep, which some exports declare.</summary>
    Float16,
}
