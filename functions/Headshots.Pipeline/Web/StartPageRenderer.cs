using System.Globalization;
using System.Text;
using Headshots.Jobs.Looks;
using static Headshots.Pipeline.Web.PageLayout;

namespace Headshots.Pipeline.Web;

/// <summary>
/// GET /: email, looks, and 10–15 photos checked in the browser, then uploaded straight to blob storage with the
/// SAS URLs POST /api/shoots returns, the order last (its upload starts the shoot, exactly as for any client).
/// </summary>
public static class StartPageRenderer
{
    public const int MinPhotos = 10;
    public const int MaxPhotos = 15;

    /// <summary>Larger files are refused in the browser before any upload (intake refuses them too).</summary>
    public const long MaxPhotoBytes = 40L * 1024 * 1024;

    /// <summary>Told before anything is uploaded when a cloud engine is on: the person's photos leave the studio's own machines.</summary>
    public const string CloudNotice =
        "This studio makes headshots with its Azure OpenAI image model: your photos are sent to the studio operator's Azure OpenAI deployment " +
        "to generate new images of you, and to make the changes you ask for. They are not sent anywhere else.";

    public const string LocalNotice = "Your photos stay on this studio's own storage: no image service outside it sees them.";

    /// <param name="photosSentToCloud">Whether Generation:Engine or Editing:Engine is azure-openai.</param>
    /// <param name="askAccessCode">Whether Studio:AccessCode is set: the page asks for it (once per browser, which remembers it).</param>
    public static string Render(IReadOnlyCollection<string> defaultLooks, bool photosSentToCloud = false, bool askAccessCode = false)
    {
        var html = new StringBuilder();
        html.Append("<h1>Professional headshots from your own photos</h1>")
            .Append("<p class=\"lead\">Upload ").Append(MinPhotos).Append('–').Append(MaxPhotos)
            .Append(" photos of yourself: different days, light and angles, face clearly visible, no sunglasses, nobody else in the frame. ")
            .Append("We check every photo, shoot the looks you choose and email you a private gallery.</p>")
            .Append("<p class=\"privacy\" id=\"privacy\">").Append(PageLayout.E(photosSentToCloud ? CloudNotice : LocalNotice)).Append("</p>")
            .Append("<noscript><p class=\"error\">This page uploads your photos straight to storage with a script; please enable JavaScript, ")
            .Append("or use the command line (<code>./headshots shoot FOLDER --email you@example.com</code>).</p></noscript>")
            .Append("<form id=\"start\" class=\"card\" novalidate data-min=\"").Append(MinPhotos).Append("\" data-max=\"").Append(MaxPhotos)
            .Append("\" data-max-bytes=\"").Append(MaxPhotoBytes.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(askAccessCode
                ? "<label for=\"access-code\">Studio access code <span class=\"hint\">(this studio is private; this browser remembers the code)</span></label>" +
                  "<input id=\"access-code\" name=\"access-code\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"200\">"
                : "")
            .Append("<label for=\"email\">Email <span class=\"hint\">(we send your gallery link here)</span></label>")
            .Append("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required maxlength=\"254\">")
            .Append("<label for=\"name\">Your name <span class=\"hint\">(optional, shown on your gallery)</span></label>")
            .Append("<input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\" maxlength=\"100\">")
            .Append("<fieldset><legend>Looks</legend><ul class=\"looks\">");
        foreach (var look in LookCatalog.All)
        {
            html.Append("<li><input type=\"checkbox\" name=\"looks\" id=\"look-").Append(E(look.Id)).Append("\" value=\"").Append(E(look.Id)).Append('"')
                .Append(defaultLooks.Contains(look.Id) ? " checked" : "").Append("><label for=\"look-").Append(E(look.Id)).Append("\"><strong>")
                .Append(E(look.Name)).Append("</strong> <span class=\"hint\">").Append(E(look.Description)).Append("</span></label></li>");
        }
        html.Append("</ul></fieldset>")
            .Append("<div id=\"drop\" class=\"drop\"><label for=\"photos\" class=\"button\">Choose photos</label>")
            .Append("<input id=\"photos\" name=\"photos\" type=\"file\" multiple accept=\"image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif\">")
            .Append("<p>or drop them here. JPEG, PNG, WebP or HEIC, up to ").Append(MaxPhotoBytes / 1024 / 1024).Append(" MB each.</p></div>")
            .Append("<div id=\"problems\" class=\"error\" role=\"alert\"></div>")
            .Append("<p id=\"count\" class=\"hint\" aria-live=\"polite\">No photos chosen yet.</p>")
            .Append("<ul id=\"files\" class=\"files\"></ul>")
            .Append("<button type=\"submit\" id=\"submit\">Start my shoot</button>")
            .Append("<p id=\"progress\" role=\"status\" aria-live=\"polite\"></p>")
            .Append("</form>");
        return PageLayout.Render("Start a headshot shoot", html.ToString(), "upload.js", "start.js");
    }
}
