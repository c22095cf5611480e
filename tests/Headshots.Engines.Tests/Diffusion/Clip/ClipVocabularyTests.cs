using Headshots.Engines.Diffusion.Clip;

namespace Headshots.Engines.Tests.Diffusion.Clip;

public sealed class ClipVocabularyTests
{
    private static ClipVocabulary Vocabulary => ClipVocabulary.Embedded;

    [Fact]
    public void Embedded_Loaded_49408DistinctTokens()
    {
        Assert.Equal(49408, Vocabulary.Tokens.Count);
        Assert.Equal(49408, Vocabulary.Tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Embedded_SpecialTokens_LastTwoIds()
    {
        Assert.Equal(49406, Vocabulary.StartOfTextId);
        Assert.Equal(49407, Vocabulary.EndOfTextId);
    }

    [Fact]
    public void Embedded_FirstTokens_PrintableBytesThenEndOfWordForms()
    {
        // The byte map lists '!'..'~' first, so '!' is 0 and 'a' is 'a' − '!'; the </w> forms follow 256 later.
        Assert.Equal("!", Vocabulary.Tokens[0]);
        Assert.Equal('a' - '!', Vocabulary.IdOf("a"));
        Assert.Equal(256 + ('a' - '!'), Vocabulary.IdOf("a</w>"));
    }

    [Fact]
    public void Embedded_FirstMerges_FollowTheByteTokens()
    {
        // The merge list's first two lines after its header are "i n" and "t h".
        Assert.Equal("in", Vocabulary.Tokens[512]);
        Assert.Equal("th", Vocabulary.Tokens[513]);
        Assert.True(Vocabulary.TryGetMerge(Vocabulary.IdOf("i"), Vocabulary.IdOf("n"), out var rule));
        Assert.Equal(new MergeRule(0, 512), rule);
    }

    [Fact]
    public void ByteAlphabet_SpaceAndSoftHyphen_ShiftedPastLatin1()
    {
        // The 68 bytes outside the printable ranges (0–32, 127–160, 173) take U+0100 on in byte order:
        // space is the 33rd of them, the soft hyphen the last.
        Assert.Equal('\u0100' + 32, ClipByteAlphabet.CharOfByte[0x20]);
        Assert.Equal('\u0100' + 67, ClipByteAlphabet.CharOfByte[0xAD]);
        Assert.Equal('a', ClipByteAlphabet.CharOfByte['a']);
        Assert.Equal(256, ClipByteAlphabet.CharOfByte.Distinct().Count());
    }
}
