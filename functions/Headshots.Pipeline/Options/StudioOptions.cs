using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>Who may start a shoot (configuration section <c>Studio</c>).</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>
    /// When set, a private studio: starting a shoot needs this code (entered once on the start page; the CLI sends
    /// the code of the studio it runs). Unset, anyone who reaches the studio may start one.
    /// </summary>
    [MinLength(8, ErrorMessage = "Studio:AccessCode must be at least 8 characters (or unset, for a public studio).")]
    [MaxLength(200, ErrorMessage = "Studio:AccessCode must be at most 200 characters.")]
    public string? AccessCode { get; set; }
}
