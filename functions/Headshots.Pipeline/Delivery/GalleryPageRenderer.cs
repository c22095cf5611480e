using System.Globalization;
using System.Net;
using System.Text;

namespace Headshots.Pipeline.Delivery;

/// <summary>
/// Renders the gallery page. The same markup serves the live page (image links through the app) and the static
/// index.html written next to downloaded files (relative links), so what a person sees is the same either way.
/// </summary>
public static class GalleryPageRenderer
{
    /// <param name="imageBase">Prefix for image links: "/g/{token}/img/" live, "" for a downloaded folder.</param>
    public static string Render(GalleryManifest manifest, string imageBase)
    {
        var html = new StringBuilder();
        var title = manifest.Name is { Length: > 0 } n ? $"Headshots of {n}" : "Your headshots";
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<style>").Append(Css).Append("</style></head><body><main>")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append("<p class=\"meta\">").Append(manifest.Images.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" images, delivered ").Append(E(manifest.PublishedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append(".</p>");
        foreach (var look in manifest.Images.GroupBy(i => i.Look))
        {
            html.Append("<section><h2>").Append(E(look.First().LookName)).Append("</h2><ul class=\"grid\">");
            foreach (var image in look)
            {
                var megapixels = image.Width * (double)image.Height / 1_000_000;
                html.Append("<li><a href=\"").Append(E(imageBase + image.File)).Append("\">")
                    .Append("<img loading=\"lazy\" src=\"").Append(E(imageBase + image.Thumbnail)).Append("\" alt=\"")
                    .Append(E($"{image.LookName} headshot, {image.Aspect}")).Append("\"></a>")
                    .Append("<p>").Append(image.Width.ToString(CultureInfo.InvariantCulture)).Append(" × ")
                    .Append(image.Height.ToString(CultureInfo.InvariantCulture)).Append(" (")
                    .Append(megapixels.ToString("0.0", CultureInfo.InvariantCulture)).Append(" MP) · quality ")
                    .Append(image.Score.ToString("0.00", CultureInfo.InvariantCulture))
                    .Append(image.IdentityDistance is { } distance
                        ? $" · identity distance {distance.ToString("0.00", CultureInfo.InvariantCulture)} (the same person below 0.60)"
                        : "")
                    .Append("<br><a href=\"").Append(E(imageBase + image.File)).Append("\" download>Full size</a> · ")
                    .Append("<a href=\"").Append(E(imageBase + image.Web)).Append("\" download>Web copy</a></p></li>");
            }
            html.Append("</ul></section>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The friendly page for a wrong or expired link: no detail that helps a guesser.</summary>
    public static string RenderNotAvailable(bool expired) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>Gallery not available</title><style>" + Css + "</style></head><body><main><h1>This gallery is not available</h1><p>" +
        (expired
            ? "The link has expired. Your headshots are kept only for a limited time; ask the studio for a new link."
            : "The link is not valid. Check that you opened the whole link from your email.") +
        "</p></main></body></html>";

    static string E(string text) => WebUtility.HtmlEncode(text);

    const string Css =
        "body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#1c1c1c}main{max-width:1100px;margin:auto;padding:1.5rem}" +
        "h1{font-weight:600}.meta{color:#555}.grid{list-style:none;padding:0;display:grid;gap:1rem;" +
        "grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}.grid img{width:100%;height:auto;border-radius:6px;display:block}" +
        ".grid p{font-size:.85rem;color:#444}a{color:#0b57d0}";
}
