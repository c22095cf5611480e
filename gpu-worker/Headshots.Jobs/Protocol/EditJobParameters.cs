namespace Headshots.Jobs.Protocol;

/// <summary>
/// The parameters of the jobs around a generative edit: prepare-edit (the region to mask) and refine after the model's
/// answer (the answer and the region it may change). The refine job's own edits are the person's, read by <c>RefineEdits</c>.
/// </summary>
/// <param name="Region">hair, expression, clothing or background.</param>
/// <param name="Generated">The model's square answer, for the refine job; null for prepare-edit.</param>
public sealed record EditJobParameters(string Region, string? Generated = null)
{
    public const string RegionParameter = "region";
    public const string GeneratedParameter = "generated";

    public static IReadOnlyList<string> Regions { get; } = ["hair", "expression", "clothing", "background"];

    public Dictionary<string, string> ToParameters()
    {
        var parameters = new Dictionary<string, string> { [RegionParameter] = Region };
        if (Generated is not null) parameters[GeneratedParameter] = Generated;
        return parameters;
    }

    /// <summary>The parameters; null when the job carries no region (a refine job without a generative edit).</summary>
    /// <exception cref="FormatException">The region is not one of <see cref="Regions"/>, or an answer comes without one; the message says which.</exception>
    public static EditJobParameters? Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var region = JobParameters.Optional(parameters, RegionParameter);
        var generated = JobParameters.Optional(parameters, GeneratedParameter);
        if (region is null)
        {
            return generated is null ? null : throw new FormatException($"'{RegionParameter}' is missing; it says what '{GeneratedParameter}' may change.");
        }
        return Regions.Contains(region)
            ? new EditJobParameters(region, generated)
            : throw new FormatException($"'{RegionParameter}' is '{region}'; use {string.Join(", ", Regions)}.");
    }
}
