using System.Text.Json.Serialization;

namespace Headshots.Jobs.Protocol;

/// <summary>
/// What a succeeded job reports besides its engine and time: one record per kind of job, written by the worker's
/// handler and read by the orchestrations. On the wire it is an object tagged by <c>"$type"</c> (the record's kind).
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(InspectResult), GpuJobKinds.Inspect)]
[JsonDerivedType(typeof(IdentityResult), GpuJobKinds.Identity)]
[JsonDerivedType(typeof(CandidateResult), "candidate")]
[JsonDerivedType(typeof(EnhanceResult), GpuJobKinds.Enhance)]
[JsonDerivedType(typeof(UpscaleResult), GpuJobKinds.Upscale)]
[JsonDerivedType(typeof(RefineResult), GpuJobKinds.Refine)]
[JsonDerivedType(typeof(PrepareEditResult), GpuJobKinds.PrepareEdit)]
[JsonDerivedType(typeof(ReferencesResult), GpuJobKinds.References)]
[JsonDerivedType(typeof(DiffuseResult), GpuJobKinds.Diffuse)]
public abstract record GpuJobValues
{
    /// <summary>Every blob the job wrote, in the order the result's <see cref="GpuJobResult.Outputs"/> lists them.</summary>
    public abstract IReadOnlyList<string> Blobs();

    /// <summary>The record a succeeded job of <paramref name="kind"/> reports; null for a kind this protocol does not know.</summary>
    public static Type? For(string kind) => kind switch
    {
        GpuJobKinds.Inspect => typeof(InspectResult),
        GpuJobKinds.Identity => typeof(IdentityResult),
        GpuJobKinds.Generate or GpuJobKinds.Assess => typeof(CandidateResult),
        GpuJobKinds.Enhance => typeof(EnhanceResult),
        GpuJobKinds.Upscale => typeof(UpscaleResult),
        GpuJobKinds.Refine => typeof(RefineResult),
        GpuJobKinds.PrepareEdit => typeof(PrepareEditResult),
        GpuJobKinds.References => typeof(ReferencesResult),
        GpuJobKinds.Diffuse => typeof(DiffuseResult),
        _ => null,
    };
}
