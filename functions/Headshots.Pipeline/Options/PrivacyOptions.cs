using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

/// <summary>
/// How long the studio keeps what a shoot holds about a person: uploads, work files, the gallery, every table row
/// that names them and the orchestration histories (whose inputs hold the email). One figure for all of it.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days from a shoot's creation until everything of it is erased (the gallery link expires then too).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// How often the local runtime (<c>./headshots up</c>) runs the purge; the Function App's timer runs it hourly.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    /// <summary>When everything of a shoot created at <paramref name="createdAt"/> is erased.</summary>
    public DateTimeOffset ErasedOn(DateTimeOffset createdAt) => createdAt + Retention;
}
