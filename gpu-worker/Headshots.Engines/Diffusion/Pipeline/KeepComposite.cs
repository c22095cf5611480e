using Headshots.Engines.Imaging;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// The source over the generated image through the keep mask: where the mask is 1 the source's bytes exactly, where
/// it is 0 the model's, blended on the feathered edge. Identity is kept by construction, not by the model's mercy.
/// </summary>
internal static class KeepComposite
{
    public static RgbImage Over(RgbImage source, RgbImage generated, KeepMask keep)
    {
        if (source.Width != generated.Width || source.Height != generated.Height || keep.Width != source.Width || keep.Height != source.Height)
        {
            throw new ArgumentException("The source, the generated image and the keep mask must have the same size.");
        }

        var pixels = new byte[source.Pixels.Length];
        for (var i = 0; i < keep.Keep.Length; i++)
        {
            var k = keep.Keep[i];
            for (var c = 0; c < 3; c++)
            {
                var at = (i * 3) + c;
                pixels[at] = k switch
                {
                    >= 1 => source.Pixels[at],
                    <= 0 => generated.Pixels[at],
                    _ => (byte)MathF.Round((k * source.Pixels[at]) + ((1 - k) * generated.Pixels[at])),
                };
            }
        }

        return new RgbImage(source.Width, source.Height, pixels);
    }
}
