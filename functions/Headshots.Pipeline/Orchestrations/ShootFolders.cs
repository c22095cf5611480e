namespace Headshots.Pipeline.Orchestrations;

/// <summary>The folders of a shoot's work files (work/{shootId}/{folder}/), shared by the stages that write and read them.</summary>
public static class ShootFolders
{
    /// <summary>The person's best-ranked photos as head-and-shoulders crops, 00.jpg first: what generative engines are sent.</summary>
    public const string References = "references";

    /// <summary>What a generative engine returned, before it is framed as a candidate.</summary>
    public const string Generated = "generated";

    public const string Candidates = "candidates";
}
