using System.Globalization;
using System.Text;
using Headshots.Pipeline.Api;
using Headshots.Pipeline.Orchestrations;
using static Headshots.Pipeline.Web.PageLayout;

namespace Headshots.Pipeline.Web;

/// <summary>
/// GET /s/{shootId}?t=…: where the shoot stands, rendered on the server (it works without scripts, refreshing itself)
/// and kept live by status.js from the same JSON as GET /api/shoots/{id}.
/// </summary>
public static class StatusPageRenderer
{
    public static readonly IReadOnlyDictionary<string, string> StageNames = new Dictionary<string, string>
    {
        [ShootStages.Queued] = "Waiting to start",
        [ShootStages.Inspect] = "Checking your photos",
        [ShootStages.Identity] = "Learning your likeness",
        [ShootStages.Generate] = "Shooting the looks",
        [ShootStages.Select] = "Selecting the best",
        [ShootStages.Enhance] = "Retouching",
        [ShootStages.Upscale] = "Rendering at 16 MP",
        [ShootStages.Publish] = "Building your gallery",
        [ShootStages.Notify] = "Emailing you",
        [ShootStages.Delivered] = "Delivered",
        [ShootStages.Failed] = "Stopped",
    };

    /// <param name="reshootsLeft">Reshoots with new photos the order still includes; the form shows once delivered.</param>
    /// <param name="order">The shoots of this order that "delete everything" erases, listed before the person confirms.</param>
    public static string Render(ShootStatus status, string token, int minAccepted, int reshootsLeft = 0, IReadOnlyList<Storage.OrderShoot>? order = null)
    {
        var html = new StringBuilder();
        var running = status.Status is ShootStatuses.Running or ShootStatuses.AwaitingUpload;
        html.Append("<h1>Your shoot</h1>")
            .Append("<section id=\"shoot\" data-status-url=\"").Append(E(ShootRegistration.StatusUrlOf(status.ShootId, token))).Append("\" data-replace-url=\"/api/shoots/")
            .Append(E(status.ShootId)).Append("/replacements?t=").Append(E(token)).Append("\" data-min-accepted=\"")
            .Append(minAccepted.ToString(CultureInfo.InvariantCulture)).Append("\" data-reshoot-url=\"/api/shoots/").Append(E(status.ShootId))
            .Append("/reshoot?t=").Append(E(token)).Append("\" data-reshoots-left=\"").Append(reshootsLeft.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<p id=\"state\" class=\"state\" role=\"status\" aria-live=\"polite\">").Append(E(StateLine(status))).Append("</p>")
            .Append("<progress id=\"bar\" max=\"").Append(Math.Max(status.Total, 1).ToString(CultureInfo.InvariantCulture)).Append("\" value=\"")
            .Append(status.Done.ToString(CultureInfo.InvariantCulture)).Append("\" aria-label=\"Progress of the current stage\"></progress>")
            .Append("<ol id=\"stages\" class=\"stages\">");
        var current = status.Stages.ToList().IndexOf(status.Stage);
        for (var i = 0; i < status.Stages.Count; i++)
        {
            var stage = status.Stages[i];
            var state = status.Status == ShootStatuses.Delivered || (current >= 0 && i < current) ? "done" : i == current ? "current" : "todo";
            html.Append("<li class=\"").Append(state).Append('"').Append(state == "current" ? " aria-current=\"step\"" : "").Append('>')
                .Append(E(StageNames.GetValueOrDefault(stage, stage))).Append("</li>");
        }
        html.Append("</ol><div id=\"outcome\">").Append(Outcome(status)).Append("</div>")
            .Append("<h2>Your photos</h2><p class=\"hint\" id=\"photos-summary\">").Append(E(PhotoSummary(status))).Append("</p>")
            .Append("<ul id=\"photos\" class=\"verdicts\">");
        foreach (var photo in status.Photos) RenderPhoto(html, photo);
        html.Append("</ul>")
            .Append("<form id=\"replace\" class=\"card\"").Append(status.Status == ShootStatuses.Failed && status.Photos.Count > 0 ? "" : " hidden").Append('>')
            .Append("<h2>Add replacement photos</h2><p>Add photos to replace the ones we could not use; the shoot then starts again with all your usable photos, ")
            .Append("without uploading the others again.</p>")
            .Append("<label for=\"replacements\">Replacement photos</label>")
            .Append("<input id=\"replacements\" type=\"file\" multiple accept=\"image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif\">")
            .Append("<ul id=\"replacement-files\" class=\"files\"></ul><div id=\"replace-problems\" class=\"error\" role=\"alert\"></div>")
            .Append("<button type=\"submit\">Upload and restart my shoot</button></form>")
            .Append("<form id=\"reshoot\" class=\"card\"").Append(status.Status == ShootStatuses.Delivered && reshootsLeft > 0 ? "" : " hidden").Append('>')
            .Append("<h2>Reshoot with new photos</h2><p>Not quite you? Your order includes ")
            .Append(reshootsLeft == 1 ? "one more training" : $"{reshootsLeft} more trainings")
            .Append(": upload 10–15 new photos and we learn your likeness again from them and shoot the same looks. ")
            .Append("This gallery stays as it is; the new one gets its own link.</p>")
            .Append("<label for=\"reshoot-photos\">New photos</label>")
            .Append("<input id=\"reshoot-photos\" type=\"file\" multiple accept=\"image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif\">")
            .Append("<ul id=\"reshoot-files\" class=\"files\"></ul><div id=\"reshoot-problems\" class=\"error\" role=\"alert\"></div>")
            .Append("<button type=\"submit\">Upload and start my reshoot</button></form>")
            .Append("</section>");
        if (status.ErasedOn is { } erasedOn)
        {
            html.Append("<p id=\"erased-on\" class=\"hint\">Everything of this shoot (your photos, the headshots and this page) will be erased on ")
                .Append(E(ShootStatusReader.Day(erasedOn))).Append(".</p>");
        }
        ErasePanel.Render(html, $"/api/shoots/{status.ShootId}/delete?t={Uri.EscapeDataString(token)}", order ?? [],
            "This page stops working, and a shoot in progress is cancelled first.");
        // Without scripts, a refresh keeps the page current while the shoot runs.
        var page = PageLayout.Render("Your shoot", html.ToString(), "upload.js", "status.js");
        return running ? page.Replace("</title>", "</title><noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>", StringComparison.Ordinal) : page;
    }

    static string StateLine(ShootStatus s) => s.Status switch
    {
        // The email is told apart (Outcome): the gallery is delivered whether or not the mail server has answered yet.
        ShootStatuses.Delivered => $"Delivered: your {s.Delivered} headshots are ready in your private gallery.",
        ShootStatuses.Failed => "Stopped: the shoot cannot go on.",
        ShootStatuses.AwaitingUpload => "Waiting for your photos and order to arrive.",
        _ => $"Working: {StageNames.GetValueOrDefault(s.Stage, s.Stage)}" + (s.Total > 0 ? $" ({s.Done} of {s.Total})" : "") + ".",
    };

    static string Outcome(ShootStatus s) =>
        (s.Status == ShootStatuses.Failed ? $"<p class=\"error\"><strong>Why:</strong> {E(s.Error ?? "the shoot stopped")}</p>" : "")
        + (s.GalleryUrl is { } gallery ? $"<p><a href=\"{E(gallery)}\">Open your gallery</a></p>" : "")
        + (s.Email is { } email ? $"<p id=\"email\" class=\"email {E(email.State)}\">{E(email.Message)}</p>" : "");

    static string PhotoSummary(ShootStatus s) => s.Photos.Count == 0
        ? "Each photo gets a verdict here as soon as we have checked it."
        : $"{s.Photos.Count(p => p.Accepted)} of {s.Photos.Count} photos can be used.";

    static void RenderPhoto(StringBuilder html, PhotoStatus p)
    {
        html.Append("<li class=\"").Append(p.Accepted ? "ok" : "rejected").Append("\"><strong>").Append(E(p.Name)).Append("</strong> ")
            .Append(p.Accepted ? "<span class=\"badge ok\">usable</span>" : "<span class=\"badge rejected\">not usable</span>");
        if (!p.Accepted)
        {
            html.Append("<br>").Append(E(p.Reason));
            if (p.Tip is { Length: > 0 }) html.Append("<br><span class=\"hint\">Tip: ").Append(E(p.Tip)).Append("</span>");
        }
        html.Append("</li>");
    }

    /// <summary>The friendly page for a wrong or expired status link.</summary>
    public static string RenderNotAvailable(bool expired) => PageLayout.Render("Shoot not available",
        "<h1>This status page is not available</h1><p>" + (expired
            ? "The link has expired. Your gallery link, once it is ready, is in your email."
            : "The link is not valid. Use the whole link you were given when you uploaded your photos.") + "</p><p><a href=\"/\">Start a new shoot</a></p>");
}
