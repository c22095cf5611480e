using System.Net;
using System.Text;
using Headshots.Pipeline.Storage;
using MimeKit;

namespace Headshots.Pipeline.Delivery;

/// <summary>The two emails a person can get: the gallery is ready, or the shoot cannot go on and why.</summary>
public static class EmailComposer
{
    public static MimeMessage GalleryReady(string to, string? name, string galleryUrl, int images, string shootId)
    {
        var hello = Greeting(name);
        var text = $"{hello}\n\nYour {images} headshots are ready. Open your private gallery:\n{galleryUrl}\n\n" +
                   "The link is personal: anyone who has it can see your photos. It expires after a while; download what you want to keep.\n";
        var html = Layout(
            $"<p>{E(hello)}</p><p>Your {images} headshots are ready.</p>" +
            $"<p><a href=\"{E(galleryUrl)}\" style=\"display:inline-block;background:#0b57d0;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none\">Open your gallery</a></p>" +
            "<p style=\"color:#555555;font-size:13px\">The link is personal: anyone who has it can see your photos. It expires after a while; download what you want to keep.</p>");
        return Build(to, "Your headshots are ready", text, html, shootId);
    }

    public static MimeMessage ShootFailed(string to, string? name, string error, IReadOnlyList<PhotoEntity> photos, string shootId)
    {
        var hello = Greeting(name);
        var text = new StringBuilder($"{hello}\n\nWe could not finish your headshots: {error}\n");
        var rows = new StringBuilder();
        var rejected = photos.Where(p => !p.Accepted).ToList();
        if (rejected.Count > 0)
        {
            text.Append("\nPhotos we could not use:\n");
            foreach (var p in rejected)
            {
                text.Append($"- {p.RowKey}: {p.Reason} Tip: {p.Tip}\n");
                rows.Append($"<tr><td style=\"padding:4px 8px\">{E(p.RowKey)}</td><td style=\"padding:4px 8px\">{E(p.Reason ?? "")}</td><td style=\"padding:4px 8px\">{E(p.Tip ?? "")}</td></tr>");
            }
        }
        text.Append("\nNothing was charged for this attempt. Upload new photos to try again.\n");
        var html = Layout(
            $"<p>{E(hello)}</p><p>We could not finish your headshots: {E(error)}</p>" +
            (rows.Length > 0 ? $"<table role=\"presentation\" style=\"border-collapse:collapse;font-size:14px\"><tr><th align=\"left\">Photo</th><th align=\"left\">Problem</th><th align=\"left\">Tip</th></tr>{rows}</table>" : "") +
            "<p>Nothing was charged for this attempt. Upload new photos to try again.</p>");
        return Build(to, "We could not finish your headshots", text.ToString(), html, shootId);
    }

    static MimeMessage Build(string to, string subject, string text, string html, string shootId)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("X-Headshots-Shoot", shootId);
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    static string Greeting(string? name) => name is { Length: > 0 } ? $"Hello {name}," : "Hello,";

    static string Layout(string body) =>
        "<!doctype html><html><body style=\"margin:0;background:#f6f6f4\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">" +
        "<tr><td align=\"center\" style=\"padding:24px\"><table role=\"presentation\" width=\"560\" cellpadding=\"0\" cellspacing=\"0\" " +
        "style=\"background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;color:#1c1c1c\"><tr><td style=\"padding:24px\">" +
        body + "</td></tr></table></td></tr></table></body></html>";

    static string E(string s) => WebUtility.HtmlEncode(s);
}
