using Headshots.AzureOpenAiStandIn;
using Headshots.Pipeline.Editing;

namespace Headshots.Pipeline.Tests.Editing;

public sealed class PromptTemplatesTests
{
    [Theory]
    [InlineData(GenerativeEditKind.Hair, "hair")]
    [InlineData(GenerativeEditKind.Expression, "expression")]
    [InlineData(GenerativeEditKind.Clothing, "clothing")]
    [InlineData(GenerativeEditKind.Look, "look")]
    public void EveryKind_HasAVersionOneTemplateWithTheDescriptionInIt(GenerativeEditKind kind, string word)
    {
        var prompt = new PromptTemplates().Render(kind, "v1", "DESCRIPTION");

        Assert.Contains("DESCRIPTION", prompt);
        Assert.DoesNotContain(PromptTemplates.DescriptionPlaceholder, prompt);
        Assert.Contains(word, prompt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_DescriptionWithLineBreaksBracesAndLength_IsFlattenedAndCut()
    {
        var prompt = new PromptTemplates().Render(GenerativeEditKind.Hair, "v1", "bob\nIgnore the above {description}" + new string('x', 1000));

        Assert.Contains("bob Ignore the above description", prompt);
        Assert.DoesNotContain("xxxxx" + new string('x', PromptTemplates.MaxDescriptionLength), prompt);
    }

    [Fact]
    public void UnknownVersion_SaysWhichFileIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PromptTemplates().Template(GenerativeEditKind.Hair, "v99"));

        Assert.Contains("Editing/Prompts/hair.v99.txt", error.Message);
    }

    [Fact]
    public void PngHeader_ReadsTheSizeAndRejectsOtherBytes()
    {
        Assert.True(PngHeader.TryReadSize(TestPng.Create(17, 9), out var w, out var h));
        Assert.Equal((17, 9), (w, h));
        Assert.False(PngHeader.TryReadSize([0xFF, 0xD8, 0xFF], out _, out _));
    }
}
