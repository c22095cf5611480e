using Headshots.Engines.Diffusion.Clip;

namespace Headshots.Engines.Tests.Diffusion.Clip;

public sealed class ClipPreTokenizerTests
{
    [Theory]
    [InlineData("a photo of a cat", new[] { "a", "photo", "of", "a", "cat" })]
    [InlineData("it's we'll they'd", new[] { "it", "'s", "we", "'ll", "they", "'d" })]
    [InlineData("1024px", new[] { "1", "0", "2", "4", "px" })]
    [InlineData("wow!!!ok, 'quoted'", new[] { "wow", "!!!", "ok", ",", "'", "quoted", "'" })]
    [InlineData("a<|endoftext|>b", new[] { "a", "<|endoftext|>", "b" })]
    [InlineData("!<|endoftext|>", new[] { "!<|", "endoftext", "|>" })]
    [InlineData("café ½", new[] { "café", "½" })]
    public void Split_Text_PiecesOfThePattern(string text, string[] expected)
    {
        Assert.Equal(expected, ClipPreTokenizer.Split(text));
    }

    [Fact]
    public void Split_LetterOutsideTheBasicPlane_StaysInTheWord()
    {
        // U+1D49C MATHEMATICAL SCRIPT CAPITAL A is a letter (Lu), written as a surrogate pair.
        Assert.Equal(["\U0001D49Cbc"], ClipPreTokenizer.Split("\U0001D49Cbc"));
    }
}
