using Headshots.Engines.Diffusion.Clip;
using Headshots.Engines.Diffusion.Pipeline;
using Headshots.Models.Diffusion;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Tests.Diffusion.Pipeline;

public sealed class SdxlPromptEncoderTests
{
    private const string Prompt = "corporate headshot, charcoal suit";
    private const string Negative = "cartoon";

    [Theory]
    [InlineData(SdxlComponents.TextEncoder, "hidden_states.11")]
    [InlineData(SdxlComponents.TextEncoder2, "hidden_states.31")]
    public void PenultimateHiddenStates_RealLayerCounts_TheSecondToLastLayer(string component, string expected)
    {
        using var session = new InferenceSession(TinySdxlModels.Build(component, TinySdxlPrecision.Float32));

        Assert.Equal(expected, SdxlPromptEncoder.PenultimateHiddenStates(session));
    }

    [Fact]
    public void Encode_PromptAndNegative_EachTokenIsEncoder1Then2PenultimateStatesAndPooledIsEncoder2TextEmbeds()
    {
        var sessions = new SdxlSessions(TinyDiffusion.Models(TinySdxlPrecision.Float32));

        var embeddings = SdxlPromptEncoder.Encode(sessions, Prompt, Negative, CancellationToken.None);

        // Each encoder run on its own, one prompt at a time, with its own padding.
        var (negative1, _) = RunAlone(sessions.TextEncoder, Negative, ClipTokenizer.EndOfTextPadId, "hidden_states.11");
        var (prompt1, _) = RunAlone(sessions.TextEncoder, Prompt, ClipTokenizer.EndOfTextPadId, "hidden_states.11");
        var (prompt2, pooled2) = RunAlone(sessions.TextEncoder2, Prompt, ClipTokenizer.OpenClipPadId, "hidden_states.31");
        Assert.Equal(new long[] { 2, 77, 2048 }, embeddings.HiddenShape);
        Assert.Equal(new long[] { 2, 1280 }, embeddings.PooledShape);
        for (var token = 0; token < 77; token += 19)
        {
            AssertClose(negative1.AsSpan(token * 768, 768), embeddings.Hidden.AsSpan(token * 2048, 768));
            AssertClose(prompt1.AsSpan(token * 768, 768), embeddings.Hidden.AsSpan((77 + token) * 2048, 768));
            AssertClose(prompt2.AsSpan(token * 1280, 1280), embeddings.Hidden.AsSpan(((77 + token) * 2048) + 768, 1280));
        }

        AssertClose(pooled2, embeddings.Pooled.AsSpan(1280, 1280));
    }

    [Fact]
    public void Encode_NoNegativePrompt_UnpromptedHalfIsZeros()
    {
        var sessions = new SdxlSessions(TinyDiffusion.Models(TinySdxlPrecision.Float32));

        var embeddings = SdxlPromptEncoder.Encode(sessions, Prompt, null, CancellationToken.None);

        Assert.All(embeddings.Hidden.AsSpan(0, 77 * 2048).ToArray(), v => Assert.Equal(0f, v));
        Assert.All(embeddings.Pooled.AsSpan(0, 1280).ToArray(), v => Assert.Equal(0f, v));
        Assert.Contains(embeddings.Hidden.AsSpan(77 * 2048).ToArray(), v => v != 0);
    }

    private static (float[] Hidden, float[] Pooled) RunAlone(InferenceSession session, string text, int padId, string hiddenName)
    {
        var ids = ClipTokenizer.Shared.EncodeForModel(text, padId);
        using var input = OrtValue.CreateTensorValueFromMemory(ids, [1, 77]);
        using var options = new RunOptions();
        var pooledName = session.OutputMetadata.ContainsKey("text_embeds") ? "text_embeds" : "pooler_output";
        using var results = session.Run(options, ["input_ids"], [input], [hiddenName, pooledName]);
        return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray());
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        // A batch of two and a batch of one may take different kernels; the values agree to float rounding.
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f);
    }
}
