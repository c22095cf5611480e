using Headshots.Engines.Diffusion.Clip;

namespace Headshots.Engines.Tests.Diffusion.Clip;

public sealed class ClipTokenizerTests
{
    // From ../shared/third-party/clip/README.md: the reference tokenizer's ids, start and end tokens included.
    private static readonly int[] APhotoOfACat = [49406, 320, 1125, 539, 320, 2368, 49407];

    private const int A = 320; // "a</w>", from the reference ids above.

    private static ClipTokenizer Tokenizer => ClipTokenizer.Shared;

    public static TheoryData<string, int[]> ReferenceIds => new()
    {
        { "a photo of a cat", APhotoOfACat },
        {
            "professional corporate headshot of a woman, navy blazer, soft studio light",
            [49406, 4774, 6838, 34890, 539, 320, 2308, 267, 5598, 17606, 267, 3773, 3155, 1395, 49407]
        },
        { "Grace Hopper", [49406, 5142, 21748, 49407] },
    };

    [Theory]
    [MemberData(nameof(ReferenceIds))]
    public void Encode_ReferenceText_ReferenceIds(string text, int[] expected)
    {
        Assert.Equal(expected, Tokenizer.Encode(text));
    }

    [Theory]
    [InlineData("  A   PHOTO\tof a\ncat ")]
    [InlineData("a&#32;photo of a cat")]
    [InlineData("a&nbsp;photo of&amp;#32;a cat")]
    public void Encode_CaseWhitespaceAndEntities_SameIdsAsPlainText(string text)
    {
        Assert.Equal(APhotoOfACat, Tokenizer.Encode(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void Encode_EmptyPrompt_StartAndEndOnly(string text)
    {
        Assert.Equal([49406, 49407], Tokenizer.Encode(text));
    }

    [Fact]
    public void Encode_TypedEndOfText_IsTheSpecialToken()
    {
        Assert.Equal([49406, A, 49407, A, 49407], Tokenizer.Encode("a <|endoftext|> a"));
    }

    [Fact]
    public void EncodeForModel_ShortPromptPaddedWithEndOfText_77Ids()
    {
        var ids = Tokenizer.EncodeForModel("a photo of a cat", ClipTokenizer.EndOfTextPadId);

        var expected = APhotoOfACat.Concat(Enumerable.Repeat(49407, 77 - APhotoOfACat.Length)).ToArray();
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void EncodeForModel_ShortPromptPaddedWithZero_EndTokenThenZeros()
    {
        var ids = Tokenizer.EncodeForModel("a photo of a cat", ClipTokenizer.OpenClipPadId);

        var expected = APhotoOfACat.Concat(Enumerable.Repeat(0, 77 - APhotoOfACat.Length)).ToArray();
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData(49407)]
    [InlineData(0)]
    public void EncodeForModel_EmptyPrompt_StartEndThenPadding(int padId)
    {
        var ids = Tokenizer.EncodeForModel("", padId);

        Assert.Equal(77, ids.Length);
        Assert.Equal(49406, ids[0]);
        Assert.Equal(49407, ids[1]);
        Assert.All(ids[2..], id => Assert.Equal(padId, id));
    }

    [Theory]
    [InlineData(75)]
    [InlineData(76)]
    [InlineData(200)]
    public void EncodeForModel_LongPrompt_Keeps75TokensAndTheEndToken(int words)
    {
        var text = string.Join(' ', Enumerable.Repeat("a", words));

        var ids = Tokenizer.EncodeForModel(text, 0);

        Assert.Equal(words + 2, Tokenizer.Encode(text).Length);
        int[] expected = [49406, .. Enumerable.Repeat(A, 75), 49407];
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void EncodeForModel_74Tokens_OnePadAfterTheEndToken()
    {
        var ids = Tokenizer.EncodeForModel(string.Join(' ', Enumerable.Repeat("a", 74)), 0);

        int[] expected = [49406, .. Enumerable.Repeat(A, 74), 49407, 0];
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Encode_SamePromptTwice_SameIds()
    {
        const string text = "professional corporate headshot of a woman, navy blazer, soft studio light";

        Assert.Equal(Tokenizer.Encode(text), Tokenizer.Encode(text));
    }
}
