using Headshots.Jobs.Edits;

namespace Headshots.Pipeline.Tests.Refine;

public sealed class RefineEditsTests
{
    static RefineEditsParse Parse(params (string Key, string? Value)[] fields) =>
        RefineEdits.Parse(fields.ToDictionary(f => f.Key, f => f.Value));

    [Fact]
    public void Parse_EveryField_ReadsWhatThePersonAskedFor()
    {
        var parsed = Parse(("clothes", "navy"), ("background", "dark-studio"), ("freckles", "add"), ("skinSmoothing", "0.5"), ("makeup", "lips, undereye"));

        Assert.True(parsed.Succeeded, string.Join(" ", parsed.Errors));
        var edits = parsed.Edits!;
        Assert.Equal(EditColour.Named["navy"], edits.Clothes);
        Assert.Equal(new BackgroundChoice(BackgroundKind.Look, "dark-studio"), edits.Background);
        Assert.Equal(FreckleChange.Add, edits.Freckles);
        Assert.Equal(0.5, edits.SkinSmoothing);
        Assert.Equal(MakeupOptions.Lips | MakeupOptions.UnderEye, edits.Makeup);
        Assert.Equal("clothes navy, background dark-studio, freckles added, skin smoothing 0.5, makeup lips,undereye", edits.Describe());
    }

    [Theory]
    [InlineData("#1f2a44", 0x1f, 0x2a, 0x44)]
    [InlineData("#abc", 0xaa, 0xbb, 0xcc)]
    [InlineData("Burgundy", 0x80, 0x1f, 0x2f)]
    public void Parse_ClothesAsHexOrName_GivesTheColour(string text, int r, int g, int b)
    {
        var edits = Parse(("clothes", text)).Edits!;

        Assert.Equal(new EditColour((byte)r, (byte)g, (byte)b), edits.Clothes);
    }

    [Fact]
    public void Parse_SeveralWrongFields_NamesEachWithWhatIsAccepted()
    {
        var parsed = Parse(("clothes", "sparkly"), ("freckles", "many"), ("skinSmoothing", "2"), ("makeup", "lips,glitter"), ("mood", "happy"));

        Assert.False(parsed.Succeeded);
        Assert.Equal(5, parsed.Errors.Count);
        Assert.Contains(parsed.Errors, e => e.StartsWith("clothes: 'sparkly' is not a colour", StringComparison.Ordinal) && e.Contains("#1f2a44", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Contains("use add or soften", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Contains("not a number from 0 to 1", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Contains("'glitter' is not a choice", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.StartsWith("'mood' is not an edit", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OnlyBlankFields_IsRefusedAsNoChange()
    {
        var parsed = Parse(("clothes", " "), ("background", ""), ("freckles", null));

        Assert.False(parsed.Succeeded);
        Assert.Contains("asks for no change", Assert.Single(parsed.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ToFields_ParsedBack_GivesTheSameEdits()
    {
        var edits = new RefineEdits(EditColour.Named["teal"], new BackgroundChoice(BackgroundKind.Colour, Colour: new EditColour(10, 20, 30)),
            FreckleChange.Soften, 0.2, MakeupOptions.Shine, Hair: "short bob");

        var again = RefineEdits.Parse(edits.ToFields().ToDictionary(f => f.Key, f => (string?)f.Value)).Edits;

        Assert.Equal(edits, again);
        Assert.True(again!.NeedsGenerativeEngine);
    }

    [Fact]
    public void Parse_OutfitAndScene_ReadsTheDescriptionsAsGenerativeChanges()
    {
        var parsed = Parse(("outfit", "  navy suit with white shirt "), ("scene", "library with bookshelves"), ("clothes", "navy"));

        Assert.True(parsed.Succeeded, string.Join(" ", parsed.Errors));
        var edits = parsed.Edits!;
        Assert.Equal(("navy suit with white shirt", "library with bookshelves"), (edits.Outfit, edits.Scene));
        Assert.True(edits.NeedsGenerativeEngine);
        Assert.Equal([("outfit", "navy suit with white shirt"), ("scene", "library with bookshelves")], edits.GenerativeChanges);
        Assert.Equal("clothes navy, outfit: navy suit with white shirt, scene: library with bookshelves", edits.Describe());
    }

    [Fact]
    public void ToFields_OutfitAndScene_ParsedBackGivesTheSameEdits()
    {
        var edits = new RefineEdits(Clothes: EditColour.Named["charcoal"], Outfit: "black turtleneck", Scene: "rooftop terrace at golden hour");

        var fields = edits.ToFields();
        var again = RefineEdits.Parse(fields.ToDictionary(f => f.Key, f => (string?)f.Value)).Edits;

        Assert.Equal("black turtleneck", fields[RefineEdits.OutfitField]);
        Assert.Equal("rooftop terrace at golden hour", fields[RefineEdits.SceneField]);
        Assert.Equal(edits, again);
    }

    [Theory]
    [InlineData("outfit")]
    [InlineData("scene")]
    public void Parse_DescriptionTooLongOrOnTwoLines_IsRefusedNamingTheField(string field)
    {
        var tooLong = Parse((field, new string('a', RefineEdits.MaxDescriptionLength + 1)));
        var twoLines = Parse((field, "navy suit\nwith white shirt"));
        var longest = Parse((field, new string('a', RefineEdits.MaxDescriptionLength)));

        Assert.Equal($"{field}: describe it in at most {RefineEdits.MaxDescriptionLength} characters on one line.", Assert.Single(tooLong.Errors));
        Assert.StartsWith($"{field}: describe it", Assert.Single(twoLines.Errors), StringComparison.Ordinal);
        Assert.True(longest.Succeeded);
    }

    [Fact]
    public void NeedsGenerativeEngine_OnlyLocalEdits_IsFalse()
    {
        var edits = Parse(("clothes", "navy"), ("background", "blur"), ("makeup", "lips")).Edits!;

        Assert.False(edits.NeedsGenerativeEngine);
        Assert.Empty(edits.GenerativeChanges);
    }

    [Fact]
    public void Parse_BackgroundBlurOrUnknown_AcceptsBlurAndListsTheChoicesOtherwise()
    {
        Assert.Equal(BackgroundKind.Blur, Parse(("background", "BLUR")).Edits!.Background!.Kind);
        var error = Assert.Single(Parse(("background", "beach")).Errors);
        Assert.Contains("corporate-grey", error, StringComparison.Ordinal);
        Assert.Contains("'blur'", error, StringComparison.Ordinal);
    }
}
