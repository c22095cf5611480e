using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>Who may start a shoot (configuration section <c>Studio</c>).</summary>
public sealed class StudioOptions : IValidatableObject
{
    public const string Section = "Studio";

    /// <summary>
    /// When set, a private studio: starting a shoot needs this code (entered once on the start page; the CLI sends
    /// the code of the studio it runs). Unset or empty, anyone who reaches the studio may start one.
    /// </summary>
    public string? AccessCode { get; set; }

    public bool IsPrivate => !string.IsNullOrEmpty(AccessCode);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Empty is "public" (the Bicep passes '' when the studio is not private); a short code is guessable.
        if (IsPrivate && AccessCode!.Length is < 8 or > 200)
        {
            yield return new ValidationResult(
                $"Studio:AccessCode must be 8 to 200 characters (it is {AccessCode.Length}), or empty for a public studio.", [nameof(AccessCode)]);
        }
    }
}
