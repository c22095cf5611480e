namespace Headshots.Pipeline.Refine;

/// <summary>What a person is told when a refinement cannot be made; the README quotes these.</summary>
public static class RefineMessages
{
    public const string GenerativeEditsNeedCloud =
        "Hairstyle, expression, outfit and scene changes need the cloud editing engine (an Azure OpenAI image model), and " +
        "this studio runs with the local engine only. The local engine edits only what is in your photo: clothes colour, " +
        "background, freckles, skin smoothing and makeup. Ask the studio to set Editing:Engine to azure-openai, or choose " +
        "one of those edits.";

    public const string OneGenerativeChange =
        "Ask for one of hairstyle, expression, outfit or scene, and the next one on the new version: each is made and checked " +
        "against your likeness on its own.";

    public const string SceneOrBackground =
        "A scene replaces the background, so ask for either a scene or a background (blur, a backdrop or a colour), not both.";

    public static string Drifted(double distance, double threshold) =>
        $"The refined image no longer looks enough like you (identity distance {distance:0.00}, above the {threshold:0.00} " +
        "we deliver at), so it was not added to your gallery. Try a gentler change, such as less skin smoothing.";
}
