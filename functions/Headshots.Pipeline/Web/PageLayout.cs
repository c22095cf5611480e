using System.Net;
using System.Text;

namespace Headshots.Pipeline.Web;

/// <summary>The shell every app page shares: the app's stylesheet, its own scripts (deferred), a skip link.</summary>
public static class PageLayout
{
    public static string Render(string title, string main, params string[] scripts)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(E(WebAssets.Url("site.css"))).Append("\">");
        foreach (var script in scripts) html.Append("<script defer src=\"").Append(E(WebAssets.Url(script))).Append("\"></script>");
        html.Append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Append("<header class=\"site\"><a href=\"/\" class=\"brand\">Headshot studio</a></header>")
            .Append("<main id=\"main\">").Append(main).Append("</main></body></html>");
        return html.ToString();
    }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
