using System.Net;
using System.Text;
using Headshots.Pipeline.Storage;
using MimeKit;
using static Headshots.Pipeline.Web.PageLayout;

namespace Headshots.Pipeline.Delivery;

/// <summary>The two emails a person can get: the gallery is ready, or the shoot cannot go on and why.</summary>
public static class EmailComposer
{
    /// <param name="thumbnails">Shown as a grid of linked images; the email reads the same without them (images blocked).</param>
    /// <param name="notes">How the images were made (generated or reframed, and why), one sentence each.</param>
    /// <param name="erasedOn">When retention erases the photos, the headshots and the link.</param>
    public static MimeMessage GalleryReady(string to, string? name, string galleryUrl, int images, string shootId, IReadOnlyList<EmailThumbnail>? thumbnails = null,
        IReadOnlyList<string>? notes = null, DateTimeOffset? erasedOn = null)
    {
        var keep = erasedOn is { } day
            ? $"The link is personal: anyone who has it can see your photos. It works until {Api.ShootStatusReader.Day(day)}, when your photos and headshots are erased; download what you want to keep."
            : "The link is personal: anyone who has it can see your photos. It expires after a while; download what you want to keep.";
        var hello = Greeting(name);
        var made = notes ?? [];
        var text = $"{hello}\n\nYour {images} headshots are ready. Open your private gallery:\n{galleryUrl}\n\n" +
                   string.Concat(made.Select(n => n + "\n")) + (made.Count > 0 ? "\n" : "") +
                   "There you can download each image at 16 MP or as a web copy, download them all as a ZIP, and ask for refinements.\n\n" +
                   keep + "\n";
        var grid = new StringBuilder();
        var shown = thumbnails ?? [];
        if (shown.Count > 0)
        {
            // Email clients ignore CSS grids and most stylesheets: a table of fixed cells, two to a row, styles inline.
            grid.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:16px 0\">");
            for (var i = 0; i < shown.Count; i += 2)
            {
                grid.Append("<tr>");
                foreach (var t in shown.Skip(i).Take(2))
                {
                    grid.Append("<td width=\"50%\" align=\"center\" valign=\"top\" style=\"padding:6px\"><a href=\"").Append(E(t.Link)).Append("\">")
                        .Append("<img src=\"").Append(E(t.Url)).Append("\" width=\"240\" alt=\"").Append(E(t.Alt))
                        .Append("\" style=\"display:block;width:100%;max-width:240px;height:auto;border:0;border-radius:6px\"></a>")
                        .Append(t.Caption is null ? "" : $"<div style=\"font-size:12px;color:#555555;padding-top:4px\">{E(t.Caption)}</div>").Append("</td>");
                }
                if (shown.Count - i == 1) grid.Append("<td width=\"50%\" style=\"padding:6px\">&nbsp;</td>");
                grid.Append("</tr>");
            }
            grid.Append("</table>");
        }
        var html = Layout(
            $"<h1 style=\"font-size:22px;margin:0 0 12px\">Your headshots are ready</h1><p style=\"font-size:16px;line-height:1.5\">{E(hello)}</p>" +
            $"<p style=\"font-size:16px;line-height:1.5\">Your {images} headshots are ready in your private gallery.</p>" +
            string.Concat(made.Select(n => $"<p style=\"font-size:14px;line-height:1.5;color:#333333\">{E(n)}</p>")) +
            grid +
            $"<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\"><tr><td style=\"border-radius:6px;background:#0b57d0\">" +
            $"<a href=\"{E(galleryUrl)}\" style=\"display:inline-block;color:#ffffff;padding:12px 20px;font-size:16px;text-decoration:none;font-weight:bold\">Open your gallery</a></td></tr></table>" +
            $"<p style=\"font-size:13px;color:#555555;line-height:1.5\">Or copy this link: <a href=\"{E(galleryUrl)}\" style=\"color:#0b57d0\">{E(galleryUrl)}</a></p>" +
            $"<p style=\"color:#555555;font-size:13px;line-height:1.5\">{E(keep)}</p>");
        return Build(to, "Your headshots are ready", text, html, shootId);
    }

    /// <param name="erasedOn">When retention erases the uploaded photos.</param>
    public static MimeMessage ShootFailed(string to, string? name, string error, IReadOnlyList<PhotoEntity> photos, string shootId, DateTimeOffset? erasedOn = null)
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
        var kept = erasedOn is { } day ? $"Your uploaded photos are kept until {Api.ShootStatusReader.Day(day)} and then erased; your status page deletes them sooner." : null;
        text.Append("\nNothing was charged for this attempt. Upload new photos to try again.\n");
        if (kept is not null) text.Append(kept).Append('\n');
        var html = Layout(
            $"<p>{E(hello)}</p><p>We could not finish your headshots: {E(error)}</p>" +
            (rows.Length > 0 ? $"<table role=\"presentation\" style=\"border-collapse:collapse;font-size:14px\"><tr><th align=\"left\">Photo</th><th align=\"left\">Problem</th><th align=\"left\">Tip</th></tr>{rows}</table>" : "") +
            "<p>Nothing was charged for this attempt. Upload new photos to try again.</p>" + (kept is null ? "" : $"<p>{E(kept)}</p>"));
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
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Headshot studio</title></head><body style=\"margin:0;background:#f6f6f4\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">" +
        "<tr><td align=\"center\" style=\"padding:24px\"><table role=\"presentation\" width=\"560\" cellpadding=\"0\" cellspacing=\"0\" " +
        "style=\"max-width:560px;width:100%;background:#ffffff;border-radius:8px;font-family:Arial,Helvetica,sans-serif;color:#1c1c1c\"><tr><td style=\"padding:24px\">" +
        body + "</td></tr></table></td></tr></table></body></html>";

}

/// <param name="Url">The thumbnail, through the app's gallery route.</param>
/// <param name="Link">The image in the gallery.</param>
/// <param name="Caption">Shown under the thumbnail: how it was made and its identity distance.</param>
public sealed record EmailThumbnail(string Url, string Link, string Alt, string? Caption = null);
