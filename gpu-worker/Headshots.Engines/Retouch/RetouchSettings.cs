using Headshots.Jobs.Edits;

namespace Headshots.Engines.Retouch;

/// <summary>
/// How a face is retouched. <see cref="Natural"/> is what every delivered headshot gets; a refine request changes
/// some of it.
/// </summary>
/// <param name="SkinSmoothing">0..1: how much of the skin's low-frequency unevenness is evened out. Pore-level texture is kept at any value.</param>
/// <param name="Freckles">Add or soften freckles; None leaves them as they are.</param>
/// <param name="FreckleDensity">0..1: how many freckles <see cref="FreckleChange.Add"/> adds.</param>
/// <param name="FreckleSize">Freckle diameter as a fraction of the inter-ocular distance.</param>
/// <param name="BalanceEyes">Evens out a brightness difference between the two eyes.</param>
public sealed record RetouchSettings(
    double SkinSmoothing = RetouchSettings.NaturalSmoothing,
    FreckleChange Freckles = FreckleChange.None,
    double FreckleDensity = 0.5,
    double FreckleSize = 0.03,
    MakeupOptions Makeup = MakeupOptions.None,
    bool BalanceEyes = true)
{
    public const double NaturalSmoothing = 0.35;

    public static RetouchSettings Natural { get; } = new();

    /// <summary>The natural retouch with a refine request's face edits on top.</summary>
    public static RetouchSettings For(RefineEdits edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        return new RetouchSettings(edits.SkinSmoothing ?? NaturalSmoothing, edits.Freckles, Makeup: edits.Makeup);
    }
}
