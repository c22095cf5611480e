using System.Net;
using System.Text;

namespace Headshots.Engines.Diffusion.Clip;

/// <summary>
/// CLIP's text clean-up before tokenizing: HTML entities unescaped twice, whitespace runs collapsed to one space,
/// the ends trimmed, then lower-cased.
/// </summary>
/// <remarks>
/// The reference also runs <c>ftfy.fix_text</c> first, which is not implemented here: it repairs mojibake, applies
/// NFC, straightens curly quotes, splits ligatures and narrows full-width characters. The studio's prompts are plain
/// text written by the project, so those repairs never apply; a prompt that needs them tokenizes differently from the
/// reference. The HTML unescape is the BCL's (<see cref="WebUtility.HtmlDecode(string)"/>): numeric references and the
/// HTML 4 named entities with their semicolon; HTML5-only names, semicolon-less forms such as <c>&amp;amp</c>, and
/// Python's windows-1252 remapping of <c>&amp;#128;</c>–<c>&amp;#159;</c> are not reproduced. White space is Unicode's
/// (<see cref="char.IsWhiteSpace(char)"/>); the control characters U+001C–U+001F, which some Python regex engines also
/// count, are kept. Lower-casing is per character (invariant), so Python's context and length changing cases differ:
/// a word-final capital sigma, U+0130.
/// </remarks>
internal static class ClipTextCleaner
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Twice, as the reference does, so doubly escaped text ("&amp;amp;") comes out plain.
        var unescaped = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        return CollapseWhitespace(unescaped).ToLowerInvariant();
    }

    /// <summary>Every run of Unicode white space becomes one space; none is left at either end.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
