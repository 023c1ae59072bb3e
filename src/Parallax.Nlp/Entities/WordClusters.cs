using Parallax.Nlp.Text;

namespace Parallax.Nlp.Entities;

/// <summary>
/// Word clusters learned from unlabelled news (see <see cref="WordClusterTrainer"/>): each word has a cluster id at
/// several granularities. Lookup is by the hash of the normalised form, falling back to the lowercase form.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<ulong, int> _exact;
    private readonly Dictionary<ulong, int> _lower;
    private readonly int[] _ids;

    public WordClusters(IReadOnlyList<string> words, int[] ids, int levels)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length != words.Count * levels)
        {
            throw new ArgumentException("ids must hold words.Count * levels entries", nameof(ids));
        }

        Words = words;
        Levels = levels;
        _ids = ids;
        _exact = new Dictionary<ulong, int>(words.Count);
        _lower = new Dictionary<ulong, int>(words.Count);
        for (int w = 0; w < words.Count; w++)
        {
            _exact.TryAdd(TokenForms.Hash(words[w]), w);
            _lower.TryAdd(TokenForms.HashLower(words[w]), w);
        }
    }

    public IReadOnlyList<string> Words { get; }

    public int Levels { get; }

    internal int[] Ids => _ids;

    /// <summary>Writes clusters (or none) inside a model file: word count, levels, the words, then the ids.</summary>
    internal static void Write(BinaryWriter w, WordClusters? clusters)
    {
        w.Write(clusters?.Words.Count ?? 0);
        w.Write(clusters?.Levels ?? 0);
        if (clusters is null)
        {
            return;
        }

        foreach (var word in clusters.Words)
        {
            w.Write(word);
        }

        foreach (int id in clusters._ids)
        {
            w.Write7BitEncodedInt(id + 1);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote; null when the model has no clusters.</summary>
    internal static WordClusters? Read(BinaryReader r)
    {
        int words = r.ReadInt32();
        int levels = r.ReadInt32();
        if (words <= 0)
        {
            return null;
        }

        var list = new string[words];
        for (int i = 0; i < words; i++)
        {
            list[i] = r.ReadString();
        }

        var ids = new int[words * levels];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = r.Read7BitEncodedInt() - 1;
        }

        return new WordClusters(list, ids, levels);
    }

    /// <summary>Writes the word's cluster id at each level (-1 when unknown).</summary>
    public void Get(ulong exactHash, ulong lowerHash, Span<int> output)
    {
        if (_exact.TryGetValue(exactHash, out int w) || _lower.TryGetValue(lowerHash, out w))
        {
            _ids.AsSpan(w * Levels, Levels).CopyTo(output);
        }
        else
        {
            output.Fill(-1);
        }
    }

    public void Get(string word, Span<int> output) => Get(TokenForms.Hash(word), TokenForms.HashLower(word), output);
}
