using System.Globalization;

namespace Headshots.Pipeline.Delivery;

/// <summary>
/// How a gallery's images were made, in the person's words: generated or reframed, and why some are reframed when a
/// generative engine made the shoot (too few looked like them, the budget, the service). One wording for the page,
/// the email and the API.
/// </summary>
public static class GenerationNotes
{
    public static IReadOnlyList<string> For(GalleryManifest manifest)
    {
        var generated = manifest.Images.Count(i => i.Generated);
        var reframed = manifest.Images.Count - generated;
        var notes = new List<string>();
        if (manifest.Generation is not { } g)
        {
            notes.Add("Each headshot is reframed from one of your photos: framed, cut out and set on the look's backdrop. None is generated.");
            return notes;
        }
        notes.Add(generated == manifest.Images.Count
            ? $"All {N(generated)} headshots are generated: new images of you made from your photos, each checked to look like you."
            : $"{N(generated)} of your {N(manifest.Images.Count)} headshots are generated from your photos; the other {N(reframed)} are reframed from one of your photos.");
        if (g.Drifted > 0)
        {
            notes.Add($"{N(g.Drifted)} generated {Plural(g.Drifted, "image", "images")} did not look enough like you, even when made again, and {Plural(g.Drifted, "was", "were")} left out.");
        }
        if (g.SkippedForBudget > 0)
        {
            notes.Add($"The studio's budget for one shoot ({g.Budget.ToString("0.00", CultureInfo.InvariantCulture)} {g.Currency}) was reached, so {N(g.SkippedForBudget)} more {Plural(g.SkippedForBudget, "image was", "images were")} not generated.");
        }
        if (g.SkippedForDailyBudget > 0)
        {
            notes.Add($"The studio's budget for generated images today was spent, so {N(g.SkippedForDailyBudget)} more {Plural(g.SkippedForDailyBudget, "image was", "images were")} not generated; reframed photos of you fill those looks instead.");
        }
        if (g.Failed > 0)
        {
            notes.Add($"The image service did not make {N(g.Failed)} {Plural(g.Failed, "image", "images")}: {g.FailureMessage ?? "it failed"}");
        }
        if (g.LooksToppedUp.Count > 0 && reframed > 0)
        {
            notes.Add("Where too few generated images passed the likeness check, reframed photos of you fill the look instead.");
        }
        return notes;
    }

    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    static string Plural(int n, string one, string many) => n == 1 ? one : many;
}
