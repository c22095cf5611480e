using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>
/// How the person's email (the gallery link, or why the shoot stopped) outlives a mail server outage (configuration
/// section <c>EmailRetry</c>): tried again on durable timers, each wait <see cref="Growth"/> times the last up to
/// <see cref="MaxWait"/>, until <see cref="GiveUpAfter"/> has passed since the first try. The gallery is delivered
/// whatever the mail server does; only the email waits.
/// </summary>
public sealed class EmailRetryOptions : IValidatableObject
{
    public const string Section = "EmailRetry";

    /// <summary>The wait after the first failed try.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Each wait is the last one times this.</summary>
    [Range(1.0, 10.0)]
    public double Growth { get; set; } = 2;

    /// <summary>The longest wait between two tries, however many have failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>No try is scheduled later than this after the first: then the email is given up ("email not sent").</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "30.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxWait < FirstWait)
        {
            yield return new ValidationResult($"EmailRetry:MaxWait ({MaxWait}) must be at least EmailRetry:FirstWait ({FirstWait}).", [nameof(MaxWait)]);
        }
        if (GiveUpAfter < FirstWait)
        {
            yield return new ValidationResult($"EmailRetry:GiveUpAfter ({GiveUpAfter}) must be at least EmailRetry:FirstWait ({FirstWait}), or the email is never tried again.",
                [nameof(GiveUpAfter)]);
        }
    }
}
