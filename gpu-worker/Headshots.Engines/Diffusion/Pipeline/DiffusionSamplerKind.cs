namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>The samplers the pipeline runs (the job protocol's names are in <c>DiffuseJob</c>).</summary>
public enum DiffusionSamplerKind
{
    /// <summary><c>euler-a</c>: Euler ancestral over leading-spaced timesteps, fresh seeded noise each step.</summary>
    EulerAncestral,

    /// <summary><c>dpmpp-2m-karras</c>: DPM-Solver++(2M) over Karras σ, deterministic after the starting noise.</summary>
    DpmPlusPlus2MKarras,
}
