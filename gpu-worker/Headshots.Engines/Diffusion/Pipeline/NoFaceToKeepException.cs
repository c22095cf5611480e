namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>The reference has no face the pipeline can keep; a job with it cannot succeed.</summary>
public sealed class NoFaceToKeepException(string message) : Exception(message);
