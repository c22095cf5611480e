using MailKit.Net.Smtp;
using MailKit.Security;
using Headshots.Pipeline.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Headshots.Pipeline.Delivery;

/// <summary>Sends a message over SMTP (a local SMTP server locally, the configured relay in Azure).</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, ILogger<EmailSender> logger)
{
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        message.From.Clear();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        using var client = new SmtpClient();
        await client.ConnectAsync(o.Host, o.Port, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        var response = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Sent '{Subject}' ({MessageId})", message.Subject, message.MessageId);
        return response;
    }
}
