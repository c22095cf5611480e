using Headshots.Engines.Diffusion.Clip;
using Microsoft.ML.OnnxRuntime;

namespace Headshots.Engines.Diffusion.Pipeline;

/// <summary>
/// SDXL's text conditioning from both encoders: per token, the penultimate hidden states of encoder 1 (768) and of
/// encoder 2 (1280) side by side (2048); pooled, encoder 2's projected <c>text_embeds</c> (1280). The negative and the
/// positive prompt go through each encoder as one batch of two.
/// </summary>
internal static class SdxlPromptEncoder
{
    private const string HiddenStatesPrefix = "hidden_states.";

    public static PromptEmbeddings Encode(SdxlSessions sessions, string prompt, string? negativePrompt, CancellationToken cancellationToken)
    {
        var tokenizer = ClipTokenizer.Shared;
        // Encoder 1 (OpenAI CLIP) pads with the end token, encoder 2 (OpenCLIP) with 0, as each was trained.
        var ids1 = Batch(tokenizer.EncodeForModel(negativePrompt ?? string.Empty, ClipTokenizer.EndOfTextPadId), tokenizer.EncodeForModel(prompt, ClipTokenizer.EndOfTextPadId));
        var ids2 = Batch(tokenizer.EncodeForModel(negativePrompt ?? string.Empty, ClipTokenizer.OpenClipPadId), tokenizer.EncodeForModel(prompt, ClipTokenizer.OpenClipPadId));

        var (hidden1, width1, _) = Run(sessions.TextEncoder, ids1, pooledName: null);
        cancellationToken.ThrowIfCancellationRequested();
        var (hidden2, width2, pooled) = Run(sessions.TextEncoder2, ids2, pooledName: "text_embeds");
        var pooledWidth = pooled!.Length / 2;

        const int sequence = ClipTokenizer.ContextLength;
        var width = width1 + width2;
        var hidden = new float[2 * sequence * width];
        for (var row = 0; row < 2 * sequence; row++)
        {
            hidden1.AsSpan(row * width1, width1).CopyTo(hidden.AsSpan(row * width));
            hidden2.AsSpan(row * width2, width2).CopyTo(hidden.AsSpan((row * width) + width1));
        }

        // No negative prompt: SDXL's configs set force_zeros_for_empty_prompt, so the unprompted half is all zeros
        // rather than the encoding of "", which is what the model was tuned against.
        if (string.IsNullOrWhiteSpace(negativePrompt))
        {
            hidden.AsSpan(0, sequence * width).Clear();
            pooled.AsSpan(0, pooledWidth).Clear();
        }

        return new PromptEmbeddings(hidden, pooled, sequence, width, pooledWidth);
    }

    private static int[] Batch(int[] negative, int[] positive) => [.. negative, .. positive];

    /// <summary>The penultimate hidden states (and the pooled output when named), with the hidden width.</summary>
    private static (float[] Hidden, int Width, float[]? Pooled) Run(InferenceSession session, int[] ids, string? pooledName)
    {
        var penultimate = PenultimateHiddenStates(session);
        // The exports take the ids alone: SD's text encoders run without an attention mask, padding included.
        const string inputName = "input_ids";
        using var input = OrtFeed.Ids(session, inputName, ids, [2, ClipTokenizer.ContextLength]);
        string[] outputs = pooledName is null ? [penultimate] : [penultimate, pooledName];
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [inputName], [input], outputs);
        var (hidden, shape) = OrtFeed.ReadFloats(results[0], penultimate);
        var pooled = pooledName is null ? null : OrtFeed.ReadFloats(results[1], pooledName).Values;
        return (hidden, (int)shape[^1], pooled);
    }

    /// <summary>
    /// <c>hidden_states.{L − 1}</c> of an export with <c>hidden_states.0</c> … <c>hidden_states.L</c> (the embeddings
    /// and then each of the L layers): the output of the second-to-last layer, which SDXL conditions on.
    /// </summary>
    internal static string PenultimateHiddenStates(InferenceSession session)
    {
        var last = session.OutputMetadata.Keys
            .Where(n => n.StartsWith(HiddenStatesPrefix, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(HiddenStatesPrefix.Length), out var layer) ? layer : -1)
            .DefaultIfEmpty(-1)
            .Max();
        return last >= 1
            ? HiddenStatesPrefix + (last - 1)
            : throw new InvalidOperationException("The text encoder has no hidden_states outputs; export it with output_hidden_states.");
    }
}
