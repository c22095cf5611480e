using Headshots.Engines.Diffusion.Vae;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>The VAE between [−1, 1] pixel planes and the UNet's scaled latents (SDXL's factor 0.13025).</summary>
internal static class SdxlVae
{
    /// <summary>Pixels [3, H, W] → UNet latents [4, H/8, W/8].</summary>
    public static float[] Encode(SdxlSessions sessions, float[] pixels, int width, int height)
    {
        var session = sessions.VaeEncoder;
        using var input = OrtFeed.Floats(session, "sample", pixels, [1, 3, height, width]);
        // The usual exports give a sample of the latent distribution (latent_sample); newer ones its parameters
        // (latent_parameters: mean, then log-variance), whose mean is the deterministic encoding diffusers' "argmax" takes.
        var output = session.OutputMetadata.ContainsKey("latent_sample") ? "latent_sample" : "latent_parameters";
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["sample"], [input], [output]);
        var (values, _) = OrtFeed.ReadFloats(results[0], output);
        var latents = values.AsSpan(0, LatentLength(width, height)).ToArray();
        VaeScaling.ToUNetLatents(latents);
        return latents;
    }

    /// <summary>UNet latents [4, H/8, W/8] → pixels [3, H, W] in about [−1, 1].</summary>
    public static float[] Decode(SdxlSessions sessions, ReadOnlySpan<float> unetLatents, int width, int height)
    {
        var session = sessions.VaeDecoder;
        var latents = unetLatents.ToArray();
        VaeScaling.ToVaeLatents(latents);
        using var input = OrtFeed.Floats(session, "latent_sample", latents, [1, 4, height / VaeScaling.DownscaleFactor, width / VaeScaling.DownscaleFactor]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["latent_sample"], [input], ["sample"]);
        var pixels = new float[3 * width * height];
        OrtFeed.CopyFloats(results[0], "sample", pixels);
        return pixels;
    }

    public static int LatentLength(int width, int height) =>
        4 * (width / VaeScaling.DownscaleFactor) * (height / VaeScaling.DownscaleFactor);
}
