namespace Headshots.Models.Preparation;

/// <summary>One file of the diffusion export: its path in the repository (and in the local folder) and its recorded SHA-256.</summary>
public sealed record DiffusionFile(string Path, string? Sha256);
