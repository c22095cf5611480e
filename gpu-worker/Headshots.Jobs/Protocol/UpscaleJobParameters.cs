namespace Headshots.Jobs.Protocol;

/// <summary>The upscale job's parameters (<see cref="UpscaleJob"/>).</summary>
/// <param name="Aspect">The aspect ratio's name ("4:5").</param>
/// <param name="WebP">Deliver the 16 MP image and its web copy as WebP too.</param>
public sealed record UpscaleJobParameters(string Aspect, bool WebP)
{
    public Dictionary<string, string> ToParameters() => new() { [UpscaleJob.AspectParameter] = Aspect, [UpscaleJob.WebPParameter] = UpscaleJob.Flag(WebP) };

    /// <exception cref="FormatException">A parameter is missing or not of its form; the message names it.</exception>
    public static UpscaleJobParameters Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var webP = JobParameters.Optional(parameters, UpscaleJob.WebPParameter);
        return new UpscaleJobParameters(
            JobParameters.Required(parameters, UpscaleJob.AspectParameter),
            webP is null ? false : bool.TryParse(webP, out var flag) ? flag : throw new FormatException($"'{UpscaleJob.WebPParameter}' is '{webP}'; expected true or false."));
    }
}
