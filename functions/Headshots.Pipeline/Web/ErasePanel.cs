using System.Text;
using Headshots.Pipeline.Storage;
using static Headshots.Pipeline.Web.PageLayout;

namespace Headshots.Pipeline.Web;

/// <summary>
/// "Delete everything", as the status page and the gallery offer it: the shoots of the order it erases listed first,
/// then a form behind a checkbox, since it cannot be undone. Works without scripts.
/// </summary>
public static class ErasePanel
{
    /// <param name="action">Where the form posts (with confirm=yes).</param>
    /// <param name="order">The shoots erased together: the order's first shoot and every reshoot.</param>
    /// <param name="note">What else happens here (the link stops working, a running shoot is cancelled).</param>
    public static void Render(StringBuilder html, string action, IReadOnlyList<OrderShoot> order, string note)
    {
        html.Append("<section class=\"erase\"><h2>Your data</h2><details><summary>Delete all my photos and headshots</summary>")
            .Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">")
            .Append("<p>This deletes your uploaded photos, your likeness profile, every headshot and version, and the links to them, of ")
            .Append(order.Count > 1 ? "every shoot of your order:" : "this shoot:").Append("</p><ul id=\"erase-list\">");
        foreach (var shoot in order) html.Append("<li>").Append(E(shoot.Description)).Append("</li>");
        html.Append("</ul>");
        html.Append("<p>").Append(E(note)).Append(" It cannot be undone: download what you want to keep first.</p>")
            .Append("<p><input type=\"checkbox\" id=\"erase-confirm\" name=\"confirm\" value=\"yes\" required> ")
            .Append("<label for=\"erase-confirm\">I understand that everything is deleted for good</label></p>")
            .Append("<button type=\"submit\">Delete everything</button></form></details></section>");
    }
}
