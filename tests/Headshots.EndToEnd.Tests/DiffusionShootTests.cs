using Headshots.Models.Diffusion;
using Headshots.Pipeline.Activities;
using Headshots.Pipeline.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// Generation:Engine = onnx-diffusion on the real local stack: the worker paints each candidate with the tiny
/// SDXL-shaped models the test writes (random weights, the real exports' interface), keeping the person's face from
/// their photo, and the shoot delivers them labelled as generated after the same identity check as every candidate.
/// Nothing here says what the real SDXL weights would paint.
/// </summary>
[Collection(LocalStudioCollection.Name)]
public sealed class DiffusionShootTests(LocalStudioFixture studio) : IDisposable
{
    readonly string models = Path.Combine(Path.GetTempPath(), $"headshots-e2e-sdxl-{Guid.NewGuid():N}");

    [Fact]
    public async Task Shoot_DiffusionEngine_DeliversPaintedCandidatesThatKeepThePersonsFace()
    {
        TinySdxlModels.WriteTo(models, TinySdxlPrecision.Float32);
        await using var stack = await studio.StartStackAsync(studio.NewHub(), extra: new Dictionary<string, string?>
        {
            ["Generation:Engine"] = "onnx-diffusion",
            ["Generation:CandidatesPerLook"] = "2",
            ["Generation:DiffusionSteps"] = "4",
            ["Generation:DiffusionPortraitSize"] = "320x480",
            ["Pipeline:KeepPerLook"] = "2",
            ["Worker:DiffusionModelsPath"] = models,
        });
        using var http = studio.Http(stack.BaseUrl);

        var (shoot, final) = await ShootFlow.RunAsync(http, studio.Photos(9), "ada@example.com", "corporate-grey");

        Assert.Equal("Delivered", final.Status);
        var manifest = (await stack.Services.GetRequiredService<GalleryManifestStore>().ReadAsync(shoot.ShootId, CancellationToken.None))!;
        Assert.Equal(CandidateEngines.OnnxDiffusion, manifest.Generation!.Engine);
        Assert.Equal(2, manifest.Generation.Passed);
        Assert.All(manifest.Images, i => Assert.Equal((CandidateEngines.OnnxDiffusion, "Generated"), (i.Engine, i.MadeBy)));
        Assert.All(manifest.Images, i => Assert.InRange(i.IdentityDistance!.Value, 0, 0.6));
        Assert.Equal(0m, manifest.Generation.Cost);
    }

    public void Dispose()
    {
        if (Directory.Exists(models)) Directory.Delete(models, recursive: true);
    }
}
