using System.Text;

namespace Headshots.Engines.Diffusion.Clip;

/// <summary>
/// Splits cleaned text into the pieces BPE works on, as CLIP's pattern does
/// (<c>&lt;|startoftext|&gt;|&lt;|endoftext|&gt;|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+</c>,
/// case-insensitive, leftmost alternative first).
/// </summary>
/// <remarks>
/// A hand-written scanner over Unicode scalar values rather than a .NET <c>Regex</c>: .NET's <c>\p{L}</c> tests UTF-16
/// code units, so a letter outside the Basic Multilingual Plane would fall into the punctuation class, where the
/// reference (Python's <c>regex</c> module) sees a letter.
/// </remarks>
internal static class ClipPreTokenizer
{
    public const string StartOfText = "<|startoftext|>";
    public const string EndOfText = "<|endoftext|>";

    // In the pattern's order; none is a prefix of another, so the order only documents the reference.
    private static readonly string[] Contractions = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d"];

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var kind = KindAt(text, i, out var width);
            if (kind == RuneKind.Space)
            {
                i += width;
                continue;
            }

            var length = MatchAt(text, i, kind, width);
            pieces.Add(text.Substring(i, length));
            i += length;
        }

        return pieces;
    }

    /// <summary>The length of the match that starts at <paramref name="start"/>, which is not white space.</summary>
    private static int MatchAt(string text, int start, RuneKind kind, int width)
    {
        var rest = text.AsSpan(start);
        if (rest.StartsWith(StartOfText, StringComparison.OrdinalIgnoreCase)) return StartOfText.Length;
        if (rest.StartsWith(EndOfText, StringComparison.OrdinalIgnoreCase)) return EndOfText.Length;
        foreach (var contraction in Contractions)
        {
            if (rest.StartsWith(contraction, StringComparison.OrdinalIgnoreCase)) return contraction.Length;
        }

        // One digit is a piece of its own; letters and other symbols go in runs of their own kind.
        if (kind == RuneKind.Number) return width;
        var end = start + width;
        while (end < text.Length && KindAt(text, end, out var next) == kind) end += next;
        return end - start;
    }

    private static RuneKind KindAt(string text, int index, out int width)
    {
        // A lone surrogate decodes as U+FFFD, a symbol, with a width of one code unit.
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out width);
        if (Rune.IsWhiteSpace(rune)) return RuneKind.Space;
        if (Rune.IsLetter(rune)) return RuneKind.Letter;
        return Rune.IsNumber(rune) ? RuneKind.Number : RuneKind.Other;
    }

    private enum RuneKind
    {
        Space,
        Letter,
        Number,
        Other,
    }
}
