namespace Headshots.Jobs.Looks;

/// <summary>A named, documented headshot style.</summary>
public sealed record LookPreset(string Id, string Name, string Description, AspectRatio Aspect);
