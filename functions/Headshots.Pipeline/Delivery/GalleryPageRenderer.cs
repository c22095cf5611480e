using System.Globalization;
using System.Net;
using System.Text;
using Headshots.Pipeline.Web;
using static Headshots.Pipeline.Web.PageLayout;

namespace Headshots.Pipeline.Delivery;

/// <summary>
/// Renders the gallery page. The same markup serves the live page (image links through the app) and the static
/// index.html written next to downloaded files (relative links), so what a person sees is the same either way.
/// </summary>
public static class GalleryPageRenderer
{
    /// <param name="imageBase">Prefix for image links: "/g/{token}/img/" live, "" for a downloaded folder.</param>
    /// <param name="state">The live page's refine form and refinements in progress; null for the downloaded folder.</param>
    public static string Render(GalleryManifest manifest, string imageBase, GalleryPageState? state = null)
    {
        var html = new StringBuilder();
        var title = manifest.Name is { Length: > 0 } n ? $"Headshots of {n}" : "Your headshots";
        var working = state?.Refinements.Any(r => !r.Done) == true;
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            // Without scripts, a refresh is how the page picks up a refinement that is still being made.
            .Append(working ? "<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>" : "")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<style>").Append(Css).Append("</style>");
        if (state is not null)
        {
            // The live page adds the app's stylesheet and its one script (lightbox, compare); without it, links still work.
            html.Append("<link rel=\"stylesheet\" href=\"").Append(E(WebAssets.Url("site.css"))).Append("\">")
                .Append("<script defer src=\"").Append(E(WebAssets.Url("gallery.js"))).Append("\"></script>");
        }
        // data-pending: gallery.js polls these refinements and reloads only when one has finished, so the page does not
        // jump under a person looking at it.
        var pending = string.Join(' ', state?.Refinements.Where(r => !r.Done && r.StatusUrl is not null).Select(r => r.StatusUrl) ?? []);
        html.Append(working ? $"</head><body data-pending=\"{E(pending)}\"><main id=\"main\">" : "</head><body><main id=\"main\">")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append("<p class=\"meta\">").Append(manifest.Images.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" images, delivered ").Append(E(manifest.PublishedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append(".</p>");
        if (state?.ErasedOn is { } erasedOn)
        {
            html.Append("<p id=\"erased-on\" class=\"meta\">These headshots, your photos and this link will be erased on ")
                .Append(E(Api.ShootStatusReader.Day(erasedOn))).Append(": download what you want to keep.</p>");
        }
        if (state?.Email is { } email)
        {
            // A gallery reached while its email still waits for the mail server (or was given up) says so: keep this link.
            html.Append("<p id=\"email\" class=\"meta email ").Append(E(email.State)).Append("\">").Append(E(email.Message)).Append("</p>");
        }
        var notes = manifest.MadeNotes;
        if (notes.Count > 0)
        {
            html.Append("<ul class=\"made\">");
            foreach (var note in notes) html.Append("<li>").Append(E(note)).Append("</li>");
            html.Append("</ul>");
        }
        if (state?.ZipUrl is { } zip)
        {
            html.Append("<p><a class=\"button\" href=\"").Append(E(zip)).Append("\" download>Download all (ZIP)</a> ")
                .Append("<span class=\"hint\">Every original at 16 MP, and the current version of each refined image.</span></p>");
        }
        if (state is { Refinements.Count: > 0 }) RenderRefinements(html, state.Refinements);
        foreach (var look in manifest.Images.GroupBy(i => i.Look))
        {
            html.Append("<section><h2>").Append(E(look.First().LookName)).Append("</h2><ul class=\"grid\">");
            foreach (var image in look)
            {
                html.Append("<li id=\"").Append(E(image.ImageId)).Append("\" data-image=\"").Append(E(image.ImageId)).Append("\">");
                RenderFigure(html, imageBase, image.LookName, image.Aspect, image,
                    $"{(image.SourceLine is { } source ? source + " · " : "")}{image.MadeBy} · quality {image.Score.ToString("0.00", CultureInfo.InvariantCulture)}", image.Versions is { Count: > 0 } ? "Version 1 (original)" : null, 1);
                foreach (var version in (image.Versions ?? []).Reverse())
                {
                    RenderFigure(html, imageBase, image.LookName, image.Aspect, version,
                        $"{(version.SourceLine(image) is { } line ? line + " · " : "")}{version.Changes}",
                        $"Version {version.Number.ToString(CultureInfo.InvariantCulture)} (from version {version.FromVersion.ToString(CultureInfo.InvariantCulture)})",
                        version.Number);
                }
                if (state is not null) RefineFormRenderer.Render(html, image, state);
                html.Append("</li>");
            }
            html.Append("</ul></section>");
        }
        if (state?.DeleteAction is { } erase) ErasePanel.Render(html, erase, state.Order ?? [], "This gallery's link stops working.");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <remarks>
    /// Where WebP was delivered, the lightbox shows the WebP web copy (data-web-webp) and the 16 MP WebP is a download
    /// next to the 16 MP JPEG (data-full-webp). The grid keeps the 480 px JPEG thumbnail: the only WebP at hand is the
    /// 1080 px copy, which would weigh more than twice the thumbnail on every tile.
    /// </remarks>
    static void RenderFigure(StringBuilder html, string imageBase, string lookName, string aspect, IGalleryFiles files, string detail, string? caption, int version)
    {
        var (width, height) = (files.Width, files.Height);
        var megapixels = width * (double)height / 1_000_000;
        html.Append("<figure data-version=\"").Append(version.ToString(CultureInfo.InvariantCulture)).Append("\" data-web=\"").Append(E(imageBase + files.Web))
            .Append("\" data-full=\"").Append(E(imageBase + files.File)).Append('"')
            .Append(files.WebWebP is { } webWebP ? $" data-web-webp=\"{E(imageBase + webWebP)}\"" : "")
            .Append(files.FileWebP is { } fileWebP ? $" data-full-webp=\"{E(imageBase + fileWebP)}\"" : "")
            .Append('>').Append(caption is null ? "" : $"<figcaption>{E(caption)}</figcaption>")
            .Append("<a class=\"view\" href=\"").Append(E(imageBase + files.File)).Append("\">")
            .Append("<img loading=\"lazy\" src=\"").Append(E(imageBase + files.Thumbnail)).Append("\" alt=\"")
            .Append(E($"{lookName} headshot, {aspect}{(caption is null ? "" : ", " + caption)}")).Append('"').Append('>')
            .Append("</a>")
            .Append("<p>").Append(width.ToString(CultureInfo.InvariantCulture)).Append(" × ")
            .Append(height.ToString(CultureInfo.InvariantCulture)).Append(" (")
            .Append(megapixels.ToString("0.0", CultureInfo.InvariantCulture)).Append(" MP) · ").Append(E(detail))
            .Append(files.IdentityDistance is { } distance
                ? $" · identity distance {distance.ToString("0.00", CultureInfo.InvariantCulture)} (the same person below 0.60)"
                : "")
            .Append("<br><a href=\"").Append(E(imageBase + files.File)).Append("\" download>Full size</a> · ")
            .Append(files.FileWebP is { } download ? $"<a href=\"{E(imageBase + download)}\" download>WebP</a> · " : "")
            .Append("<a href=\"").Append(E(imageBase + files.Web)).Append("\" download>Web copy</a></p></figure>");
    }

    static void RenderRefinements(StringBuilder html, IReadOnlyList<RefinementNotice> refinements)
    {
        html.Append("<section class=\"notices\" aria-live=\"polite\"><h2>Your refinements</h2><ul>");
        foreach (var r in refinements)
        {
            html.Append("<li><strong>").Append(E(r.ImageId)).Append("</strong>: ").Append(E(r.Changes)).Append(" — ")
                .Append(r.Done ? E(r.Status) : "being made…")
                .Append(r.Message is { } m ? $"<br>{E(m)}" : "").Append("</li>");
        }
        html.Append("</ul></section>");
    }

    /// <summary>The friendly page for a wrong or expired link: no detail that helps a guesser.</summary>
    public static string RenderNotAvailable(bool expired) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>Gallery not available</title><style>" + Css + "</style></head><body><main><h1>This gallery is not available</h1><p>" +
        (expired
            ? "The link has expired. The studio keeps photos and headshots only for a limited time, then erases them with the link."
            : "The link is not valid. Check that you opened the whole link from your email.") +
        "</p></main></body></html>";

    /// <summary>A short page that says what went wrong and links back (a refine form that could not be accepted).</summary>
    public static string RenderMessage(string title, string detail, string backLink, string backText = "Back to your gallery") =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>" + E(title) + "</title><style>" + Css + "</style></head><body><main><h1>" + E(title) + "</h1><p>" + E(detail) +
        "</p><p><a href=\"" + E(backLink) + "\">" + E(backText) + "</a></p></main></body></html>";


    const string Css =
        "body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1c1c1c}main{max-width:1100px;margin:auto;padding:1.5rem}" +
        "h1{font-weight:600;overflow-wrap:anywhere}.meta{color:#555}.grid{list-style:none;padding:0;display:grid;gap:1rem;" +
        "grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}.grid img{width:100%;height:auto;border-radius:6px;display:block}" +
        ".grid p{font-size:.85rem;color:#444}a{color:#0b57d0}figure{margin:0 0 .75rem}figcaption{font-size:.8rem;font-weight:600}" +
        "details.refine{font-size:.85rem}details.refine label,details.refine select,details.refine input[type=text]{display:block;width:100%;margin:.25rem 0}" +
        "fieldset{border:1px solid #ccc;margin:.5rem 0}fieldset label{display:inline!important;width:auto!important;margin-right:.5rem}" +
        ".note{color:#555}.notices{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem}button{margin-top:.5rem;padding:.4rem .8rem}";
}
