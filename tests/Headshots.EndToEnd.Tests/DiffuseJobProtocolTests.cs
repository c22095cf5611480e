using Azure.Storage.Queues;
using Headshots.Engines.Faces;
using Headshots.Engines.Imaging;
using Headshots.GpuWorker.Handlers;
using Headshots.GpuWorker.Processing;
using Headshots.Jobs.Protocol;
using Headshots.Models.Diffusion;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace Headshots.EndToEnd.Tests;

/// <summary>
/// The diffuse job through the real protocol on Azurite: a reference crop in blob storage, the job on the queue, the
/// worker's processor and handler, the real face models for the keep mask, the tiny SDXL-shaped models for the rest.
/// </summary>
[Collection(LocalStudioCollection.Name)]
public sealed class DiffuseJobProtocolTests(LocalStudioFixture studio) : IAsyncLifetime
{
    private const int Width = 256;
    private const int Height = 320;

    private readonly string diffusionModels = Path.Combine(Path.GetTempPath(), $"headshots-e2e-diffusion-{Guid.NewGuid():N}");
    private ServiceProvider services = null!;
    private QueueClient jobs = null!;
    private QueueClient results = null!;

    public async Task InitializeAsync()
    {
        TinySdxlModels.WriteTo(diffusionModels, TinySdxlPrecision.Float32);
        (services, _, jobs, results) = await WorkerOnAzurite.StartAsync(studio, new Dictionary<string, string?>
        {
            ["Worker:DiffusionModelsPath"] = diffusionModels,
            ["Worker:IntraOpThreads"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Directory.Delete(diffusionModels, recursive: true);
    }

    [Fact]
    public async Task Process_DiffuseJob_WritesThePngKeepingTheFaceAndReportsEngineStepsSeconds()
    {
        var shootId = Guid.NewGuid().ToString("N");
        var reference = $"work/{shootId}/references/00.jpg";
        var jpeg = ReferenceJpeg();
        await services.GetRequiredService<JobBlobs>().WriteAsync(reference, jpeg, "image/jpeg", CancellationToken.None);
        var parameters = new DiffuseJobParameters("studio headshot, navy blazer", null, 5, Width, Height, 4, 0.5, DiffuseJob.EulerAncestral, "corporate-grey-00");

        var result = await RunAsync(new GpuJobMessage("diffuse-1", shootId, "instance-" + shootId, GpuJobKinds.Diffuse, [reference],
            $"work/{shootId}/diffused/", parameters.ToParameters(), 1));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([$"work/{shootId}/diffused/corporate-grey-00.png"], result.Outputs);
        Assert.Equal("onnx-diffusion", result.Engine);
        var painted = result.ReadableAs(GpuJobKinds.Diffuse).ValuesAs<DiffuseResult>()!;
        Assert.Equal(result.Outputs[0], painted.Path);
        Assert.Equal(6, painted.Steps);
        Assert.True(painted.Seconds > 0);
        var png = await services.GetRequiredService<JobBlobs>().ReadAsync(painted.Path, CancellationToken.None);
        var output = RgbImage.Decode(png, 4096);
        var source = RgbImage.Decode(jpeg, 4096);
        Assert.Equal((Width, Height), (output.Width, output.Height));
        // The face is kept outright: a patch around the frame's face centre is the source's bytes; the corners are painted.
        var face = NoseTip(source);
        Assert.Equal(Patch(source, face.X, face.Y), Patch(output, face.X, face.Y));
        Assert.NotEqual(Patch(source, 4, 4), Patch(output, 4, 4));
        // The health report names the diffusion sessions the job loaded, with what they run on.
        var loaded = services.GetRequiredService<Headshots.GpuWorker.Health.WorkerHealth>().Report().Models;
        Assert.All(SdxlComponents.All, component => Assert.Contains(loaded, m => m.Id == SdxlComponents.ModelId(component) && m.Provider == "CPUExecutionProvider"));
    }

    [Fact]
    public async Task Process_DiffuseJobWithUnknownSampler_FailsAtOnceNamingIt()
    {
        var shootId = Guid.NewGuid().ToString("N");
        var parameters = new DiffuseJobParameters("p", null, 5, 64, 64, 4, 0.5, "ddim", "x").ToParameters();

        var result = await RunAsync(new GpuJobMessage("diffuse-2", shootId, "instance-" + shootId, GpuJobKinds.Diffuse, [$"work/{shootId}/references/00.jpg"],
            $"work/{shootId}/diffused/", parameters, 1));

        Assert.Equal("failed", result.ErrorCode);
        Assert.Contains("'sampler' is 'ddim'", result.Error);
    }

    private async Task<GpuJobResult> RunAsync(GpuJobMessage job)
    {
        await jobs.SendMessageAsync(JobJson.Serialize(job));
        var message = Assert.Single((await jobs.ReceiveMessagesAsync(1)).Value);
        await services.GetRequiredService<GpuJobProcessor>().ProcessAsync(message, CancellationToken.None);
        var reply = Assert.Single((await results.ReceiveMessagesAsync(10)).Value);
        return JobJson.Deserialize<GpuJobResult>(reply.MessageText);
    }

    /// <summary>The NASA portrait at exactly the job's size, so the pipeline does not resample it.</summary>
    private byte[] ReferenceJpeg()
    {
        using var image = new MagickImage(Path.Combine(studio.Paths.Samples, "astronaut.png"));
        image.Resize(new MagickGeometry(Width, Height) { FillArea = true });
        image.Crop(Width, Height, Gravity.North);
        image.ResetPage();
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    private static byte[] Patch(RgbImage image, int cx, int cy)
    {
        var bytes = new List<byte>();
        for (var y = cy - 2; y <= cy + 2; y++)
        {
            bytes.AddRange(image.Pixels.AsSpan(((y * image.Width) + cx - 2) * 3, 15).ToArray());
        }

        return [.. bytes];
    }

    /// <summary>The nose tip, found by the worker's own face analysis of the source.</summary>
    private (int X, int Y) NoseTip(RgbImage source)
    {
        var face = services.GetRequiredService<FaceAnalyser>().Analyse(source).Main ?? throw new InvalidOperationException("No face in the reference.");
        return ((int)face.Landmarks.NoseTip.X, (int)face.Landmarks.NoseTip.Y);
    }
}
