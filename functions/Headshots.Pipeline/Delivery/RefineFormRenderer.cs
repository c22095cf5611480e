using System.Globalization;
using System.Net;
using System.Text;
using Headshots.Jobs.Edits;
using Headshots.Jobs.Looks;
using Headshots.Pipeline.Refine;
using static Headshots.Pipeline.Web.PageLayout;

namespace Headshots.Pipeline.Delivery;

/// <summary>
/// The refine form under each gallery image: a plain HTML form (no script, so the page's CSP stays script-free)
/// with the same fields the API and the CLI take.
/// </summary>
internal static class RefineFormRenderer
{
    public static void Render(StringBuilder html, GalleryImage image, GalleryPageState state)
    {
        var id = E(image.ImageId);
        html.Append("<details class=\"refine\"><summary>Refine this image</summary>")
            .Append("<form method=\"post\" action=\"").Append(E(state.RefineAction)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(RefineApi.ImageField).Append("\" value=\"").Append(id).Append("\">");

        html.Append(Label(id, "from", "Start from")).Append("<select id=\"").Append(id).Append("-from\" name=\"").Append(RefineApi.FromField).Append("\">");
        for (var v = image.LatestVersion; v >= 1; v--)
        {
            html.Append("<option value=\"").Append(v.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(v == 1 ? "Version 1 (original)" : $"Version {v.ToString(CultureInfo.InvariantCulture)}").Append("</option>");
        }
        html.Append("</select>");

        var colours = EditColour.Named.Keys.Where(k => k != "gray").ToList();
        Select(html, id, RefineEdits.ClothesField, "Clothes colour", colours.Select(c => (c, c)));
        Select(html, id, RefineEdits.BackgroundField, "Background",
            new[] { ("blur", "Blur of this background") }
                .Concat(LookCatalog.All.Select(l => (l.Id, $"{l.Name} backdrop")))
                .Concat(colours.Select(c => (c, $"Plain {c}"))));
        Select(html, id, RefineEdits.FrecklesField, "Freckles", [("add", "Add freckles"), ("soften", "Soften freckles")]);
        Select(html, id, RefineEdits.SkinSmoothingField, "Skin smoothing",
            [("0", "None (0)"), ("0.2", "Light (0.2)"), ("0.35", "Natural (0.35)"), ("0.5", "Medium (0.5)"), ("0.75", "Strong (0.75)"), ("1", "Strongest (1)")]);

        html.Append("<fieldset><legend>Makeup</legend>");
        foreach (var (value, text) in new[] { ("lips", "Lip tint"), ("undereye", "Brighten under the eyes"), ("shine", "Reduce shine") })
        {
            html.Append("<label><input type=\"checkbox\" name=\"").Append(RefineEdits.MakeupField).Append("\" value=\"").Append(value).Append("\"> ")
                .Append(text).Append("</label>");
        }
        html.Append("</fieldset>");

        var disabled = state.GenerativeEditsAvailable ? "" : " disabled aria-describedby=\"" + id + "-cloud\"";
        foreach (var (field, label) in GenerativeFields)
        {
            html.Append(Label(id, field, label))
                .Append("<input type=\"text\" id=\"").Append(id).Append('-').Append(field).Append("\" name=\"").Append(field)
                .Append("\" maxlength=\"").Append(RefineEdits.MaxDescriptionLength.ToString(CultureInfo.InvariantCulture)).Append('"').Append(disabled).Append('>');
        }
        if (!state.GenerativeEditsAvailable)
        {
            html.Append("<p class=\"note\" id=\"").Append(id).Append("-cloud\">Hairstyle, expression, outfit and scene are cloud-only: ")
                .Append("this studio runs the local engine, which edits only what is in your photo.</p>");
        }
        html.Append("<button type=\"submit\">Make a new version</button></form></details>");
    }

    /// <summary>The described edits only the cloud engine can make, with their labels.</summary>
    static readonly (string Field, string Label)[] GenerativeFields =
    [
        (RefineEdits.HairField, "Hairstyle"),
        (RefineEdits.ExpressionField, "Expression"),
        (RefineEdits.OutfitField, "Outfit"),
        (RefineEdits.SceneField, "Scene"),
    ];

    static void Select(StringBuilder html, string id, string field, string label, IEnumerable<(string Value, string Text)> options)
    {
        html.Append(Label(id, field, label)).Append("<select id=\"").Append(id).Append('-').Append(field).Append("\" name=\"").Append(field).Append("\">")
            .Append("<option value=\"\">Unchanged</option>");
        foreach (var (value, text) in options) html.Append("<option value=\"").Append(E(value)).Append("\">").Append(E(text)).Append("</option>");
        html.Append("</select>");
    }

    static string Label(string id, string field, string text) => $"<label for=\"{id}-{field}\">{E(text)}</label>";

}
