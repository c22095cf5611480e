namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// The UNet's text conditioning for a guided batch of two (the negative prompt first, then the prompt, the order the
/// guidance reads the output in): <see cref="Hidden"/> [2, 77, 2048] and <see cref="Pooled"/> [2, 1280].
/// </summary>
internal sealed record PromptEmbeddings(float[] Hidden, float[] Pooled, int SequenceLength, int HiddenWidth, int PooledWidth)
{
    public long[] HiddenShape => [2, SequenceLength, HiddenWidth];

    public long[] PooledShape => [2, PooledWidth];
}
