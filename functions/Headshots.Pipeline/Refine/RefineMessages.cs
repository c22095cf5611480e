namespace Headshots.Pipeline.Refine;

/// <summary>What a person is told when a refinement cannot be made; the README quotes these.</summary>
public static class RefineMessages
{
    public const string GenerativeEditsNeedCloud =
        "Hairstyle and expression changes need the cloud editing engine (an Azure OpenAI image model), and this studio runs " +
        "with the local engine only. The local engine edits only what is in your photo: clothes colour, background, " +
        "freckles, skin smoothing and makeup. Ask the studio to set Editing:Engine to azure-openai, or choose one of those edits.";

    public static string Drifted(double distance, double threshold) =>
        $"The refined image no longer looks enough like you (identity distance {distance:0.00}, above the {threshold:0.00} " +
        "we deliver at), so it was not added to your gallery. Try a gentler change, such as less skin smoothing.";
}
