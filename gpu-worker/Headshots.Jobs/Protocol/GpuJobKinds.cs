namespace Headshots.Jobs.Protocol;

/// <summary>The kinds of pixel work the GPU worker performs.</summary>
public static class GpuJobKinds
{
    /// <summary>Decode one upload safely, normalise it into work/, measure it.</summary>
    public const string Inspect = "inspect";
    /// <summary>Build the person's identity profile from the accepted photos.</summary>
    public const string Identity = "identity";
    /// <summary>Compose one headshot candidate of one look from one photo.</summary>
    public const string Generate = "generate";
    /// <summary>Retouch a selected headshot.</summary>
    public const string Enhance = "enhance";
    /// <summary>Render at 16 MP, with the web copy and thumbnail.</summary>
    public const string Upscale = "upscale";
    /// <summary>Apply a person's refinement (clothes, background, face retouch) to one delivered headshot and check it is still them.</summary>
    public const string Refine = "refine";
    /// <summary>Square image and edit mask (hair, expression, clothing or background region) of a headshot, for the generative editing engine.</summary>
    public const string PrepareEdit = "prepare-edit";

    /// <summary>The person's best-ranked photos as head-and-shoulders crops, the references a generative engine is sent.</summary>
    public const string References = "references";
    /// <summary>Make a generated image a candidate of its look: framed to the look's aspect, measured, its identity distance taken.</summary>
    public const string Assess = "assess";

    /// <summary>
    /// SDXL inpainting of one reference crop on the GPU worker, keeping the person's face and hair (see <see cref="DiffuseJob"/>).
    /// Optional: the worker registers it only where the diffusion models are present or configured.
    /// </summary>
    public const string Diffuse = "diffuse";

    /// <summary>The kinds every worker handles, whatever its models.</summary>
    public static IReadOnlyList<string> All { get; } = [Inspect, Identity, Generate, Enhance, Upscale, Refine, PrepareEdit, References, Assess];

    /// <summary>The kinds a worker handles only with their models in place.</summary>
    public static IReadOnlyList<string> Optional { get; } = [Diffuse];
}
