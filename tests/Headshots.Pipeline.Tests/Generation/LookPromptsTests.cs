using Headshots.Jobs.Looks;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Generation;

namespace Headshots.Pipeline.Tests.Generation;

public sealed class LookPromptsTests
{
    readonly LookPrompts prompts = new();

    public static TheoryData<string> Looks() => new(LookCatalog.All.Select(l => l.Id));

    [Theory]
    [MemberData(nameof(Looks))]
    public void For_FiveVariantsOfALook_EachWearsAnotherOutfitAndNeighboursDifferInLight(string look)
    {
        var variants = Enumerable.Range(0, 5).Select(v => prompts.For(look, v)).ToList();

        Assert.Equal(5, variants.Select(v => v.Outfit).Distinct().Count());
        Assert.All(variants.Zip(variants.Skip(1)), pair => Assert.NotEqual(pair.First.Light, pair.Second.Light));
        Assert.All(variants, v => Assert.Contains($"Outfit: {v.Outfit}.", v.Text));
        Assert.All(variants, v => Assert.Contains($"Setting: {v.Setting}.", v.Text));
        Assert.All(variants, v => Assert.Equal(LookPrompts.CurrentVersion, v.Version));
    }

    [Theory]
    [MemberData(nameof(Looks))]
    public void For_FifteenVariants_NoOutfitComesBackInTheSameLight(string look)
    {
        // Five outfits and three lights make fifteen different pictures before any repeats.
        var pairs = Enumerable.Range(0, 15).Select(v => prompts.For(look, v)).Select(p => (p.Outfit, p.Light)).ToList();

        Assert.Equal(15, pairs.Distinct().Count());
    }

    [Fact]
    public void For_EveryLook_HasItsOwnSetting()
    {
        var settings = LookCatalog.All.Select(l => prompts.For(l.Id, 0).Setting).ToList();

        Assert.Equal(settings.Count, settings.Distinct().Count());
    }

    [Fact]
    public void For_StrongIdentity_AddsTheLikenessInstructionAndKeepsTheLook()
    {
        var plain = prompts.For("dark-studio", 2);
        var strong = prompts.For("dark-studio", 2, strongIdentity: true);

        Assert.DoesNotContain("did not look enough like them", plain.Text);
        Assert.Contains("did not look enough like them", strong.Text);
        Assert.Equal((plain.Outfit, plain.Setting, plain.Light), (strong.Outfit, strong.Setting, strong.Light));
    }

    [Fact]
    public void For_UnknownVersion_NamesTheMissingFile()
    {
        var e = Assert.Throws<InvalidOperationException>(() => prompts.For("corporate-grey", 0, version: "v99"));

        Assert.Contains("Generation/Prompts/looks.v99.json", e.Message);
    }

    [Theory]
    [InlineData("bw-editorial", ImageSizes.Square)]
    [InlineData("corporate-grey", ImageSizes.Portrait)]
    [InlineData("bright-office", ImageSizes.Portrait)]
    public void SizeFor_SquareAndPortraitLooks_AskForTheirShape(string look, string size) =>
        Assert.Equal(size, LookPrompts.SizeFor(LookCatalog.Find(look)!));
}
