namespace Headshots.Engines.Diffusion.Clip;

/// <summary>
/// CLIP's reversible byte-to-character map: every UTF-8 byte becomes one printable character, so BPE can work on
/// strings without ever seeing whitespace or control characters. Printable Latin-1 bytes map to themselves; the other
/// 68 bytes take the characters from U+0100 on, in byte order.
/// </summary>
internal static class ClipByteAlphabet
{
    private static readonly (char[] CharOfByte, byte[] Order) Alphabet = Build();

    /// <summary>The character for each byte value.</summary>
    public static IReadOnlyList<char> CharOfByte => Alphabet.CharOfByte;

    /// <summary>
    /// The bytes in vocabulary order: CLIP numbers its first 256 tokens in this order (the printable ranges first,
    /// then the remapped bytes), not in byte order, so token 0 is <c>!</c>.
    /// </summary>
    public static IReadOnlyList<byte> VocabularyOrder => Alphabet.Order;

    private static (char[] CharOfByte, byte[] Order) Build()
    {
        var order = new List<byte>(256);
        var chars = new char[256];
        for (var b = '!'; b <= '~'; b++) order.Add((byte)b);
        for (var b = '\u00A1'; b <= '\u00AC'; b++) order.Add((byte)b);
        for (var b = '\u00AE'; b <= '\u00FF'; b++) order.Add((byte)b);
        foreach (var b in order) chars[b] = (char)b;

        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            if (order.Contains((byte)b)) continue;
            order.Add((byte)b);
            chars[b] = (char)next++;
        }

        return (chars, [.. order]);
    }
}
