using Headshots.Jobs.Edits;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Refine;

namespace Headshots.Pipeline.Tests.Refine;

/// <summary>
/// What the refine API refuses before anything is started, and which generative edit and mask region each described
/// change becomes. The HTTP round trip (gallery lookup, form or JSON) is covered by the end-to-end refine tests.
/// </summary>
public sealed class RefineApiRulesTests
{
    static RefineEdits Edits(params (string Key, string? Value)[] fields)
    {
        var parsed = RefineEdits.Parse(fields.ToDictionary(f => f.Key, f => f.Value));
        Assert.True(parsed.Succeeded, string.Join(" ", parsed.Errors));
        return parsed.Edits!;
    }

    [Theory]
    [InlineData("hair", "short bob")]
    [InlineData("expression", "warm smile")]
    [InlineData("outfit", "navy suit with white shirt")]
    [InlineData("scene", "rooftop terrace at golden hour")]
    public void Refusal_GenerativeChangeOnTheLocalEngine_Is422WithTheDocumentedMessage(string field, string description)
    {
        var refusal = RefineApi.Refusal(Edits((field, description)), generativeEditsAvailable: false);

        Assert.Equal((422, "Only with the cloud editing engine", RefineMessages.GenerativeEditsNeedCloud), refusal);
    }

    [Fact]
    public void GenerativeEditsNeedCloud_NamesEveryGenerativeChange()
    {
        Assert.StartsWith("Hairstyle, expression, outfit and scene changes need the cloud editing engine", RefineMessages.GenerativeEditsNeedCloud,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hair", "expression")]
    [InlineData("hair", "outfit")]
    [InlineData("expression", "scene")]
    [InlineData("outfit", "scene")]
    public void Refusal_TwoGenerativeChangesOnTheCloudEngine_Is400NamingAllFour(string first, string second)
    {
        var refusal = RefineApi.Refusal(Edits((first, "one change"), (second, "another change")), generativeEditsAvailable: true);

        Assert.NotNull(refusal);
        Assert.Equal((400, "One generative change at a time"), (refusal.Value.Status, refusal.Value.Title));
        Assert.Contains("hairstyle, expression, outfit or scene", refusal.Value.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_SceneWithABackground_Is400BecauseTheBackgroundWouldReplaceTheScene()
    {
        var refusal = RefineApi.Refusal(Edits(("scene", "library with bookshelves"), ("background", "blur")), generativeEditsAvailable: true);

        Assert.Equal((400, "A scene or a background, not both", RefineMessages.SceneOrBackground), refusal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Refusal_LocalEditsOnly_IsNoneOnEitherEngine(bool generativeEditsAvailable)
    {
        Assert.Null(RefineApi.Refusal(Edits(("clothes", "navy"), ("background", "blur")), generativeEditsAvailable));
    }

    [Fact]
    public void Refusal_OutfitWithAClothesColourOnTheCloudEngine_IsNone()
    {
        // The colour is applied by the local editor to the new outfit, after the generative edit.
        Assert.Null(RefineApi.Refusal(Edits(("outfit", "black turtleneck"), ("clothes", "charcoal")), generativeEditsAvailable: true));
    }

    [Theory]
    [InlineData("hair", GenerativeEditKind.Hair, "hair")]
    [InlineData("expression", GenerativeEditKind.Expression, "expression")]
    [InlineData("outfit", GenerativeEditKind.Clothing, "clothing")]
    [InlineData("scene", GenerativeEditKind.Scene, "background")]
    public void GenerativeChangeOf_EachField_GivesItsKindRegionAndDescription(string field, GenerativeEditKind kind, string region)
    {
        string[] references = ["work/s1/identity/faces/p01.jpg"];

        var change = RefineApi.GenerativeChangeOf(Edits((field, "a described change"), ("clothes", "navy")), references);

        Assert.Equal((kind, region, "a described change"), (change.Kind, change.Region, change.Description));
        Assert.Equal(references, change.References);
    }
}
