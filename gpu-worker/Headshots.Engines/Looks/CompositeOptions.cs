namespace Headshots.Engines.Looks;

/// <summary>How the person is put onto a new backdrop.</summary>
/// <param name="LightWrap">How much of the backdrop's light wraps onto the person's outline, 0–1.</param>
/// <param name="ContactShadow">How dark the soft shadow behind the shoulders is, 0–1.</param>
/// <param name="Subject">Brightness and colour matching of the person to the backdrop; null keeps the person's pixels exactly.</param>
public sealed record CompositeOptions(float LightWrap = 0.5f, float ContactShadow = 0.3f, SubjectGrade? Subject = null);

/// <summary>Per-channel multipliers for the person (exposure times a colour spill from the backdrop).</summary>
public readonly record struct SubjectGrade(float R, float G, float B);
