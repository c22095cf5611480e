using System.IO.Compression;
using System.Text;

namespace Headshots.Engines.Diffusion.Clip;

/// <summary>
/// CLIP's 49,408 tokens and BPE merge ranks, built from the merge list (<c>bpe_simple_vocab_16e6.txt.gz</c>, shipped
/// in this assembly) the way the reference builds them: the 256 byte characters, the same with <c>&lt;/w&gt;</c>, one
/// token per merge (its two halves joined) in rank order, then <c>&lt;|startoftext|&gt;</c> and
/// <c>&lt;|endoftext|&gt;</c>.
/// </summary>
internal sealed class ClipVocabulary
{
    public const string EndOfWord = "</w>";
    public const string ResourceName = "Headshots.Engines.Diffusion.Clip.bpe_simple_vocab_16e6.txt.gz";

    /// <summary>The reference uses 49152 − 256 − 2 merges: the file holds more, learnt past the vocabulary's size.</summary>
    public const int MergeCount = 49152 - 256 - 2;

    private static readonly Lazy<ClipVocabulary> EmbeddedVocabulary = new(LoadEmbedded);

    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<(int Left, int Right), MergeRule> merges;

    private ClipVocabulary(string[] tokens, Dictionary<(int Left, int Right), MergeRule> merges)
    {
        Tokens = tokens;
        // Later tokens win a repeated string, as the reference's dict(zip(vocab, range(...))) does.
        ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++) ids[tokens[i]] = i;
        this.merges = merges;
    }

    /// <summary>The vocabulary shipped with the engines (read once, on first use).</summary>
    public static ClipVocabulary Embedded => EmbeddedVocabulary.Value;

    /// <summary>Every token's string, by id.</summary>
    public IReadOnlyList<string> Tokens { get; }

    public int StartOfTextId => IdOf(ClipPreTokenizer.StartOfText);

    public int EndOfTextId => IdOf(ClipPreTokenizer.EndOfText);

    public int IdOf(string token) =>
        ids.TryGetValue(token, out var id) ? id : throw new KeyNotFoundException($"'{token}' is not a CLIP token.");

    /// <summary>The merge of two adjacent tokens, if the merge list has one.</summary>
    public bool TryGetMerge(int left, int right, out MergeRule rule) => merges.TryGetValue((left, right), out rule);

    /// <summary>Reads a gzip'd merge list: a header line, then one "left right" pair per line, best first.</summary>
    public static ClipVocabulary Load(Stream gzipped)
    {
        using var gzip = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        _ = reader.ReadLine() ?? throw new InvalidDataException("The CLIP merge list is empty.");

        var pairs = new (string Left, string Right)[MergeCount];
        for (var i = 0; i < MergeCount; i++)
        {
            var line = reader.ReadLine() ?? throw new InvalidDataException($"The CLIP merge list ends at merge {i}.");
            var parts = line.Split(' ');
            if (parts.Length != 2) throw new InvalidDataException($"CLIP merge {i} is not a pair: '{line}'.");
            pairs[i] = (parts[0], parts[1]);
        }

        var tokens = new List<string>(256 + 256 + MergeCount + 2);
        var byteChars = ClipByteAlphabet.VocabularyOrder.Select(b => ClipByteAlphabet.CharOfByte[b].ToString()).ToArray();
        tokens.AddRange(byteChars);
        tokens.AddRange(byteChars.Select(c => c + EndOfWord));
        tokens.AddRange(pairs.Select(p => p.Left + p.Right));
        tokens.Add(ClipPreTokenizer.StartOfText);
        tokens.Add(ClipPreTokenizer.EndOfText);

        var vocabulary = new ClipVocabulary([.. tokens], []);
        for (var rank = 0; rank < pairs.Length; rank++)
        {
            var (left, right) = pairs[rank];
            var key = (vocabulary.IdOf(left), vocabulary.IdOf(right));
            // A repeated pair would keep its last rank, as the reference's dict(zip(merges, range(...))) does.
            vocabulary.merges[key] = new MergeRule(rank, vocabulary.IdOf(left + right));
        }

        return vocabulary;
    }

    private static ClipVocabulary LoadEmbedded()
    {
        using var stream = typeof(ClipVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return Load(stream);
    }
}

/// <summary>One BPE merge: its rank (lower merges first) and the id of the token it makes.</summary>
internal readonly record struct MergeRule(int Rank, int MergedId);
