using Headshots.AzureOpenAiStandIn;
using Headshots.Pipeline.Editing;
using Headshots.Pipeline.Generation;
using Headshots.Pipeline.Tests.Editing;

namespace Headshots.Pipeline.Tests.Generation;

/// <summary>What a generated look sends to the images edits operation, and how an older deployment's refusal is handled.</summary>
public sealed class GenerationRequestContractTests : IAsyncLifetime
{
    FakeAzureOpenAiServer server = null!;

    public async Task InitializeAsync() => server = await FakeAzureOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    /// <summary>Four references told apart by their widths, best first.</summary>
    static readonly byte[][] References = [TestPng.Create(40, 50), TestPng.Create(41, 50), TestPng.Create(42, 50), TestPng.Create(43, 50)];

    static GenerativeEditRequest Look(string prompt) =>
        new(GenerativeEditKind.Look, "Corporate grey studio", References[0], [], References[1..], "shoot-1", prompt, ImageSizes.Portrait, "medium");

    [Fact]
    public async Task Generate_FourReferences_SendsThemAsImagePartsInRankingOrderWithFidelitySizeQualityAndThePrompt()
    {
        var prompt = new LookPrompts().For("corporate-grey", 1).Text;
        var credential = new FakeCredential();
        var editor = Editors.Create(Editors.Options(server, o => { o.Prices.Medium.Portrait = 0.063m; o.PricePerInputImage = 0.015m; }), credential);

        var result = await editor.EditAsync(Look(prompt), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        var call = Assert.Single(server.Calls);
        Assert.Null(call.Rejected);
        Assert.Equal(("edits", "image[]", false), (call.Operation, call.ImageField, call.HasMask));
        Assert.Equal(References.Select(Width), call.Images.Select(Width));
        Assert.Equal("high", call.Fields["input_fidelity"]);
        Assert.Equal("1024x1536", call.Fields["size"]);
        Assert.Equal("medium", call.Fields["quality"]);
        Assert.Equal(prompt, call.Fields["prompt"]);
        Assert.Equal($"Bearer {FakeAzureOpenAiServer.Token}", call.Authorization);
        Assert.Equal([[AzureOpenAiImageEditor.Scope]], credential.Scopes);
        // The output at medium portrait plus four input images.
        Assert.Equal(0.063m + (4 * 0.015m), result.Cost);
    }

    [Fact]
    public async Task Generate_DeploymentThatRefusesInputFidelity_IsAskedOnceMoreWithoutIt()
    {
        server.RefuseInputFidelity = true;
        var editor = Editors.Create(Editors.Options(server));

        var result = await editor.EditAsync(Look("a headshot"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(2, server.Calls.Count);
        Assert.Equal("input_fidelity", server.Calls.First().Rejected);
        Assert.False(server.Calls.Last().Fields.ContainsKey("input_fidelity"));
        Assert.Equal(4, server.Calls.Last().ImageCount);
    }

    [Fact]
    public async Task Generate_ModelThatTakesOneImage_IsAskedOnceMoreWithTheBestRankedPhotoAlone()
    {
        server.RefuseSeveralImages = true;
        var editor = Editors.Create(Editors.Options(server));

        var result = await editor.EditAsync(Look("a headshot"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal([4, 1], server.Calls.Select(c => c.ImageCount));
        Assert.Equal(Width(References[0]), Width(server.Calls.Last().Images[0]));
        Assert.Equal(("image", "image[]"), (server.Calls.Last().ImageField, server.Calls.First().Rejected));
    }

    [Fact]
    public async Task Generate_StudioTurnedFidelityOff_SendsNoInputFidelity()
    {
        var editor = Editors.Create(Editors.Options(server, o => o.HighInputFidelity = false));

        var result = await editor.EditAsync(Look("a headshot"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.False(Assert.Single(server.Calls).Fields.ContainsKey("input_fidelity"));
    }

    [Fact]
    public async Task Generate_SizeTheModelsDoNotMake_IsInvalidAndNothingIsSent()
    {
        var result = await Editors.Create(Editors.Options(server)).EditAsync(Look("a headshot") with { Size = "4096x4096" }, CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.Invalid, result.Failure);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Generate_SeventeenImages_IsInvalidAndNothingIsSent()
    {
        var many = Enumerable.Range(0, 16).Select(i => TestPng.Create(20 + i, 20)).ToList();

        var result = await Editors.Create(Editors.Options(server)).EditAsync(Look("a headshot") with { References = many }, CancellationToken.None);

        Assert.Equal(GenerativeEditFailure.Invalid, result.Failure);
        Assert.Empty(server.Calls);
    }

    static int Width(byte[] png) => PngHeader.TryReadSize(png, out var w, out _) ? w : -1;
}
