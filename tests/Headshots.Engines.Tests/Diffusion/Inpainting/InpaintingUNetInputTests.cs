using Headshots.Engines.Diffusion.Inpainting;

namespace Headshots.Engines.Tests.Diffusion.Inpainting;

public sealed class InpaintingUNetInputTests
{
    [Fact]
    public void Assemble_TwoCopies_LatentsMaskMaskedLatentsPerElement()
    {
        // 2 × 2 latents: every plane is 4 values. Latents 1xx, mask 2xx, masked-image latents 3xx.
        var latents = Enumerable.Range(0, 16).Select(i => 100f + i).ToArray();
        var mask = Enumerable.Range(0, 4).Select(i => 200f + i).ToArray();
        var masked = Enumerable.Range(0, 16).Select(i => 300f + i).ToArray();
        var sample = new float[2 * 9 * 4];

        InpaintingUNetInput.Assemble(latents, mask, masked, 2, sample);

        float[] element = [.. latents, .. mask, .. masked];
        Assert.Equal([.. element, .. element], sample);
        Assert.Equal(9, InpaintingUNetInput.Channels);
    }

    [Fact]
    public void Assemble_WrongLatentLength_Refused()
    {
        Assert.Throws<ArgumentException>(() => InpaintingUNetInput.Assemble(new float[15], new float[4], new float[16], 1, new float[36]));
    }
}
