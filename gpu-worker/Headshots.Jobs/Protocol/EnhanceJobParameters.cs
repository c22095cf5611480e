using System.Globalization;

namespace Headshots.Jobs.Protocol;

/// <summary>
/// The enhance job's parameters. A headshot reframed from a photo comes with its look and variant (and the photo as
/// the job's second input), so the worker can render it again from the photo's full resolution; a generated one, or a
/// job from before, has neither.
/// </summary>
public sealed record EnhanceJobParameters(string? Look, int? Variant)
{
    public static EnhanceJobParameters None { get; } = new(null, null);

    public Dictionary<string, string> ToParameters()
    {
        var parameters = new Dictionary<string, string>();
        if (Look is not null) parameters[GenerateJobParameters.LookParameter] = Look;
        if (Variant is { } variant) parameters[GenerateJobParameters.VariantParameter] = JobParameters.Text(variant);
        return parameters;
    }

    /// <exception cref="FormatException">The look is given without a variant (or the other way round), or the variant is not a number.</exception>
    public static EnhanceJobParameters Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var look = JobParameters.Optional(parameters, GenerateJobParameters.LookParameter);
        var variant = JobParameters.Optional(parameters, GenerateJobParameters.VariantParameter);
        if ((look is null) != (variant is null)) throw new FormatException("'look' and 'variant' go together: give both, or neither.");
        return new EnhanceJobParameters(look, variant is null ? null : JobParameters.Integer(GenerateJobParameters.VariantParameter, variant, NumberStyles.None));
    }
}
