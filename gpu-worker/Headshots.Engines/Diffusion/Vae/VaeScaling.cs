namespace Headshots.Engines.Diffusion.Vae;

/// <summary>
/// Between pixels, the VAE and the UNet. The VAE reads and writes pixels in [−1, 1]; its latents are multiplied by a
/// scaling factor before the UNet sees them, so they have roughly unit variance, as the diffusion was trained on.
/// </summary>
internal static class VaeScaling
{
    /// <summary>SDXL's VAE (base, refiner and the inpainting model): <c>scaling_factor</c> 0.13025.</summary>
    public const float SdxlScalingFactor = 0.13025f;

    /// <summary>SD 1.x and 2.x: 0.18215, for reference; SDXL's latents are not interchangeable with them.</summary>
    public const float StableDiffusion1ScalingFactor = 0.18215f;

    /// <summary>The VAE's spatial downscale: a 1024 × 1024 image has 128 × 128 latents.</summary>
    public const int DownscaleFactor = 8;

    /// <summary>VAE encoder output → UNet latents: × factor.</summary>
    public static void ToUNetLatents(Span<float> vaeLatents, float scalingFactor = SdxlScalingFactor)
    {
        foreach (ref var value in vaeLatents) value *= scalingFactor;
    }

    /// <summary>UNet latents → VAE decoder input: ÷ factor.</summary>
    public static void ToVaeLatents(Span<float> unetLatents, float scalingFactor = SdxlScalingFactor)
    {
        foreach (ref var value in unetLatents) value /= scalingFactor;
    }

    /// <summary>A pixel in [0, 1] → the VAE's [−1, 1].</summary>
    public static float ToVaePixel(float unit) => (2 * unit) - 1;

    /// <summary>The decoder's output → [0, 1], clamped: the decoder overshoots a little at strong edges.</summary>
    public static float FromVaePixel(float vae) => Math.Clamp((vae / 2) + 0.5f, 0, 1);
}
