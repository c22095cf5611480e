using Headshots.Engines.Imaging;
using Headshots.Engines.Segmentation;
using Headshots.Jobs.Edits;
using Headshots.Jobs.Looks;

namespace Headshots.Engines.Looks;

/// <summary>
/// The backdrops the studio renders itself, deterministically and without image files (docs/looks.md has the
/// recipes). Colours are before the look's grade: LookGrading later turns bw-editorial grey and deepens dark-studio.
/// </summary>
public static class Backdrop
{
    /// <param name="grain">Noise sigma in 8-bit levels, from <see cref="Grain.Estimate"/>.</param>
    /// <param name="variant">Changes the layout of the scenic backdrops, never the studio ones.</param>
    public static RgbImage ForLook(LookPreset look, int width, int height, HeadPosition head, float grain, int variant)
    {
        ArgumentNullException.ThrowIfNull(look);
        var seed = Noise.Seed(look.Id, variant);
        var rgb = look.Id switch
        {
            "corporate-grey" => StudioGradient.Render(width, height, head, (126, 128, 131), 1.14f, 0.74f),
            "dark-studio" => StudioGradient.Render(width, height, head, (54, 54, 57), 1.2f, 0.26f),
            "bright-office" => OfficeScene.Render(width, height, seed),
            "outdoor-natural" => GreeneryScene.Render(width, height, seed),
            "bw-editorial" => StudioGradient.Render(width, height, head, (98, 98, 98), 1.12f, 0.5f),
            _ => throw new ArgumentException($"No backdrop for look '{look.Id}'.", nameof(look)),
        };
        return Grain.Apply(rgb, width, height, grain, seed);
    }

    /// <summary>A seamless paper in the asked colour, lit like the studio looks but more evenly so the colour stays the one asked for.</summary>
    public static RgbImage Plain(EditColour colour, int width, int height, HeadPosition head, float grain)
    {
        ArgumentNullException.ThrowIfNull(colour);
        var rgb = StudioGradient.Render(width, height, head, (colour.R, colour.G, colour.B), 1.05f, 0.88f);
        return Grain.Apply(rgb, width, height, grain, Noise.Seed(colour.Hex, 0));
    }

    /// <summary>The photo's own background with the person removed and thrown out of focus.</summary>
    public static RgbImage BlurredOriginal(RgbImage image, PersonMask mask, float grain)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        var rgb = BackgroundFill.Blurred(image, mask);
        return Grain.Apply(rgb, image.Width, image.Height, grain, Noise.Seed("blur", 0));
    }

    /// <summary>The backdrop a refine edit asked for.</summary>
    public static RgbImage For(BackgroundChoice choice, RgbImage image, PersonMask mask, HeadPosition head)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var grain = Grain.Estimate(image, mask);
        return choice.Kind switch
        {
            BackgroundKind.Look => ForLook(LookCatalog.Find(choice.LookId) ?? throw new ArgumentException($"Unknown look '{choice.LookId}'.", nameof(choice)), image.Width, image.Height, head, grain, 0),
            BackgroundKind.Colour => Plain(choice.Colour ?? throw new ArgumentException("A colour background needs its colour.", nameof(choice)), image.Width, image.Height, head, grain),
            _ => BlurredOriginal(image, mask, grain),
        };
    }
}
