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
