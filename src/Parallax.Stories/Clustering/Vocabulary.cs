namespace Parallax.Stories.Clustering;

/// <summary>
/// Interns every term, entity key ("e:...") and detail key ("y:2013", "n:6.1", "d:05-03") as an int id, with its
/// document frequency in the store (learned incrementally) and in the background corpus, and a stable 64-bit key
/// for the candidate index.
/// </summary>
internal sealed class Vocabulary(BackgroundFrequencies background)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private int[] _dfStore = new int[1024];
    private int[] _dfBackground = new int[1024];
    private ulong[] _hash = new ulong[1024];

    public BackgroundFrequencies Background { get; } = background;

    public int Count => _keys.Count;

    /// <summary>Articles counted in the store frequencies (copies are not).</summary>
    public int StoreDocuments { get; set; }

    public string this[int id] => _keys[id];

    public int Id(string key)
    {
        if (_ids.TryGetValue(key, out int id))
        {
            return id;
        }

        id = _keys.Count;
        _keys.Add(key);
        _ids[key] = id;
        if (id >= _dfStore.Length)
        {
            int n = _dfStore.Length * 2;
            Array.Resize(ref _dfStore, n);
            Array.Resize(ref _dfBackground, n);
            Array.Resize(ref _hash, n);
        }

        _dfBackground[id] = BackgroundDf(key);
        _hash[id] = StableHash(key);
        return id;
    }

    public bool TryGetId(string key, out int id) => _ids.TryGetValue(key, out id);

    public void CountDocument(int id) => _dfStore[id]++;

    public int StoreDf(int id) => _dfStore[id];

    public int BackgroundDfOf(int id) => _dfBackground[id];

    public ulong IndexKey(int id) => _hash[id];

    /// <summary>Inverse document frequency over the background corpus and the store together.</summary>
    public float Idf(int id)
    {
        double n = Background.Documents + StoreDocuments + 1.0;
        double df = _dfBackground[id] + _dfStore[id] + 1.0;
        // ln(1 + N/df) rather than ln(N/df): never zero, so the first articles of an empty store still have a profile
        return (float)Math.Log(1.0 + (n / df));
    }

    /// <summary>Fraction of all documents (background and store) holding the key.</summary>
    public double DocumentFraction(int id) =>
        (_dfBackground[id] + _dfStore[id]) / (Background.Documents + StoreDocuments + 1.0);

    private int BackgroundDf(string key)
    {
        if (!key.StartsWith("e:", StringComparison.Ordinal))
        {
            return Background.DocumentFrequency(key);
        }

        // an entity's background frequency is at most its rarest word's
        int min = int.MaxValue;
        foreach (var part in key.AsSpan(2).Split(' '))
        {
            var word = key.AsSpan(2)[part].ToString();
            var term = TermNormalizer.Term(word);
            if (term is null)
            {
                continue;
            }

            min = Math.Min(min, Background.DocumentFrequency(term));
        }

        return min == int.MaxValue ? 0 : min;
    }

    /// <summary>FNV-1a 64 of the key's UTF-16 code units: stable across runs and machines, for persisted indexes.</summary>
    public static ulong StableHash(string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }

    /// <summary>Snapshot form: the store's document count, then every key in id order with its store frequency.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(StoreDocuments);
        writer.Write7BitEncodedInt(_keys.Count);
        for (int i = 0; i < _keys.Count; i++)
        {
            writer.Write(_keys[i]);
            writer.Write7BitEncodedInt(_dfStore[i]);
        }
    }

    /// <summary>Reads a snapshot into an empty vocabulary: ids come out as they were.</summary>
    internal void Read(BinaryReader reader)
    {
        if (_keys.Count != 0)
        {
            throw new InvalidOperationException("A vocabulary is read only into an empty one.");
        }

        StoreDocuments = reader.Read7BitEncodedInt();
        int n = reader.Read7BitEncodedInt();
        for (int i = 0; i < n; i++)
        {
            int id = Id(reader.ReadString());
            _dfStore[id] = reader.Read7BitEncodedInt();
        }
    }
}
