using System.Collections.Concurrent;
using System.Text;

namespace Headshots.Engines.Diffusion.Clip;

/// <summary>
/// CLIP's byte-level BPE tokenizer (OpenAI CLIP's <c>simple_tokenizer</c>), the one both SDXL text encoders read.
/// </summary>
/// <remarks>
/// Its own BPE rather than Microsoft.ML.Tokenizers: CLIP's rules (the double HTML unescape, the pattern over Unicode
/// scalar values, the byte alphabet with <c>&lt;/w&gt;</c> on a word's last byte, a vocabulary derived from the merge
/// list) would each need a custom piece around that library's BPE plus a generated vocab.json and merges.txt, while
/// the whole algorithm is a merge-rank lookup of a few dozen lines, checked here against the reference ids.
/// </remarks>
internal sealed class ClipTokenizer
{
    /// <summary>The text encoders' sequence length: start, 75 tokens, end (then padding).</summary>
    public const int ContextLength = 77;

    /// <summary>SD 1.x and SDXL's first text encoder (OpenAI CLIP ViT-L) pad with <c>&lt;|endoftext|&gt;</c>.</summary>
    public const int EndOfTextPadId = 49407;

    /// <summary>SDXL's second text encoder (OpenCLIP ViT-bigG) pads with 0, the token <c>!</c>.</summary>
    public const int OpenClipPadId = 0;

    // Long prompts are few and repeat across a shoot's candidates; a cap keeps hostile input from growing it forever.
    private const int CacheLimit = 10_000;

    private static readonly Lazy<ClipTokenizer> SharedTokenizer = new(() => new ClipTokenizer(ClipVocabulary.Embedded));

    private readonly ClipVocabulary vocabulary;
    private readonly ConcurrentDictionary<string, int[]> cache = new(StringComparer.Ordinal);
    private readonly int[] byteIds;
    private readonly int[] byteEndOfWordIds;

    public ClipTokenizer(ClipVocabulary vocabulary)
    {
        this.vocabulary = vocabulary;
        byteIds = new int[256];
        byteEndOfWordIds = new int[256];
        for (var b = 0; b < 256; b++)
        {
            var c = ClipByteAlphabet.CharOfByte[b].ToString();
            byteIds[b] = vocabulary.IdOf(c);
            byteEndOfWordIds[b] = vocabulary.IdOf(c + ClipVocabulary.EndOfWord);
        }

        StartOfTextId = vocabulary.StartOfTextId;
        EndOfTextId = vocabulary.EndOfTextId;
    }

    /// <summary>The tokenizer over the shipped vocabulary.</summary>
    public static ClipTokenizer Shared => SharedTokenizer.Value;

    public int StartOfTextId { get; }

    public int EndOfTextId { get; }

    /// <summary>The text's ids between the start and end tokens, neither truncated nor padded.</summary>
    public int[] Encode(string text)
    {
        var ids = new List<int> { StartOfTextId };
        foreach (var piece in ClipPreTokenizer.Split(ClipTextCleaner.Clean(text))) ids.AddRange(EncodePiece(piece));
        ids.Add(EndOfTextId);
        return [.. ids];
    }

    /// <summary>
    /// The text encoder's input: the start token, at most 75 of the text's tokens, the end token, then
    /// <paramref name="padId"/> up to <see cref="ContextLength"/>.
    /// </summary>
    public int[] EncodeForModel(string text, int padId)
    {
        var ids = Encode(text);
        var model = new int[ContextLength];
        Array.Fill(model, padId);
        var kept = Math.Min(ids.Length - 2, ContextLength - 2);
        model[0] = StartOfTextId;
        ids.AsSpan(1, kept).CopyTo(model.AsSpan(1));
        // Truncation drops the text's tail but never the end token, whose embedding SDXL pools.
        model[kept + 1] = EndOfTextId;
        return model;
    }

    /// <summary>The ids of one pre-tokenized piece.</summary>
    private int[] EncodePiece(string piece)
    {
        if (cache.TryGetValue(piece, out var cached)) return cached;

        // Typed special tokens stand for themselves, as in the reference's cache.
        int[] ids = piece is ClipPreTokenizer.StartOfText or ClipPreTokenizer.EndOfText
            ? [vocabulary.IdOf(piece)]
            : Merge(Encoding.UTF8.GetBytes(piece));
        if (cache.Count < CacheLimit) cache.TryAdd(piece, ids);
        return ids;
    }

    /// <summary>
    /// BPE: start from one token per byte (the last one marked end-of-word), then repeatedly merge every occurrence of
    /// the adjacent pair with the lowest rank, left to right, until no adjacent pair has a merge.
    /// </summary>
    private int[] Merge(byte[] bytes)
    {
        var word = new List<int>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            word.Add(i == bytes.Length - 1 ? byteEndOfWordIds[bytes[i]] : byteIds[bytes[i]]);
        }

        while (word.Count > 1)
        {
            var best = default(MergeRule);
            var bestLeft = -1;
            var bestRight = -1;
            for (var i = 0; i < word.Count - 1; i++)
            {
                if (vocabulary.TryGetMerge(word[i], word[i + 1], out var rule) && (bestLeft < 0 || rule.Rank < best.Rank))
                {
                    (best, bestLeft, bestRight) = (rule, word[i], word[i + 1]);
                }
            }

            if (bestLeft < 0) break;

            var merged = new List<int>(word.Count);
            for (var i = 0; i < word.Count; i++)
            {
                if (i < word.Count - 1 && word[i] == bestLeft && word[i + 1] == bestRight)
                {
                    merged.Add(best.MergedId);
                    i++;
                }
                else
                {
                    merged.Add(word[i]);
                }
            }

            word = merged;
        }

        return [.. word];
    }
}
