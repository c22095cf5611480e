using System.ComponentModel.DataAnnotations;

namespace Headshots.Pipeline.Options;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required(ErrorMessage = "Smtp:Host is required: the SMTP server that sends the gallery emails.")]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    [Required, EmailAddress(ErrorMessage = "Smtp:From must be an email address.")]
    public string From { get; set; } = "studio@headshots.local";

    public string FromName { get; set; } = "Headshot Studio";
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    /// <summary>Only for servers that need it; in Azure it comes from Key Vault, never from a file.</summary>
    public string? Password { get; set; }
}
